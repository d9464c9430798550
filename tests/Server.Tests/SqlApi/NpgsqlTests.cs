using Npgsql;
using NpgsqlTypes;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>Npgsql 10, the .NET driver, with a default connection string: type loading, the extended protocol, binary values.</summary>
[Collection(SqlApiServerGroup.Name)]
public class NpgsqlTests(SqlApiServerFactory server)
{
    [Fact]
    public async Task A_default_connection_string_connects_and_reads_a_parameterised_query()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select region_code, value from preferred_observations where indicator = $1 and region_code = $2 order by year", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = "UNMET_NEED", NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = "64.74", NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<(string, double)>();
        while (await reader.ReadAsync())
        {
            values.Add((reader.GetString(0), reader.GetDouble(1)));
        }

        Assert.Equal([("64.74", 15.6), ("64.74", 14.8)], values);
        Assert.StartsWith("15.", connection.ServerVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_key_logs_in_as_its_id_with_the_key_as_password_until_it_is_revoked()
    {
        var (record, key) = server.Keys.Create(Kencana.Server.Identity.Roles.Reader, [], "sql api test");
        var withKey = $"Host=127.0.0.1;Port={server.Port};Username={record.Id};Password={key};Database=kencana;Pooling=false";
        await using (var connection = new NpgsqlConnection(withKey))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select count(*) from preferred_observations", connection);
            Assert.Equal(3L, await command.ExecuteScalarAsync());
        }

        server.Keys.Revoke(record.Id);
        await using var revoked = new NpgsqlConnection(withKey);
        var error = await Assert.ThrowsAsync<PostgresException>(() => revoked.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task Every_type_reads_back_in_binary_as_its_CLR_type()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select b, i2, i4, i8, f4, f8, n, t, d, ts, u, bt from typed order by i4 nulls last", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal((short)7, reader.GetInt16(1));
        Assert.Equal(42, reader.GetInt32(2));
        Assert.Equal(9_000_000_000L, reader.GetInt64(3));
        Assert.Equal(1.5f, reader.GetFloat(4));
        Assert.Equal(2.25, reader.GetDouble(5));
        Assert.Equal(12345.6789m, reader.GetDecimal(6));
        Assert.Equal("teks ü 'quoted'", reader.GetString(7));
        Assert.Equal(new DateOnly(2024, 2, 29), reader.GetFieldValue<DateOnly>(8));
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 10, 250), reader.GetDateTime(9));
        Assert.Equal(Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), reader.GetGuid(10));
        Assert.Equal([0x01, 0xFF], reader.GetFieldValue<byte[]>(11));
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.True(reader.IsDBNull(i), $"column {reader.GetName(i)} should be null");
        }
        Assert.False(await reader.ReadAsync());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1234567.891)]
    [InlineData(0.0001)]
    [InlineData(99999999.9999)]
    public async Task Numeric_parameters_and_results_round_trip_in_binary(double number)
    {
        var value = (decimal)number;
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select cast($1 as decimal(18,4)) as n", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Numeric });

        Assert.Equal(value, (decimal)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Session_statements_are_answered_and_an_error_leaves_the_connection_usable()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SET application_name = 'npgsql probe'", connection))
        {
            await set.ExecuteNonQueryAsync();
        }
        await using (var show = new NpgsqlCommand("SHOW application_name", connection))
        {
            Assert.Equal("npgsql probe", await show.ExecuteScalarAsync());
        }
        var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var engine = new NpgsqlCommand("SET memory_limit = '100GB'", connection);
            await engine.ExecuteNonQueryAsync();
        });
        Assert.Equal("42501", refused.SqlState);
        Assert.Contains("application_name", refused.MessageText, StringComparison.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var inside = new NpgsqlCommand("select count(*) from preferred_observations", connection, transaction))
        {
            Assert.Equal(3L, await inside.ExecuteScalarAsync());
        }
        await transaction.CommitAsync();
        await using var version = new NpgsqlCommand("select version()", connection);
        var text = (string)(await version.ExecuteScalarAsync())!;
        Assert.Contains("Kencana", text, StringComparison.Ordinal);
        Assert.Contains("DuckDB", text, StringComparison.Ordinal);
    }
}
