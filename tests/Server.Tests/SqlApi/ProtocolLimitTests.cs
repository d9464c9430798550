using Npgsql;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>Limits and interruptions over the wire: message size, cancel requests, and refusals that leave the connection serving.</summary>
[Collection(SqlApiServerGroup.Name)]
public class ProtocolLimitTests(SqlApiServerFactory server)
{
    [Fact]
    public async Task A_query_larger_than_the_message_limit_gets_54000_naming_the_limit_and_the_connection_goes_on()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        var huge = "select '" + new string('x', 100_000) + "' as big";

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(huge, connection);
            await command.ExecuteScalarAsync();
        });

        Assert.Equal("54000", error.SqlState);
        Assert.Contains("SqlApi:MaxMessageBytes", error.MessageText, StringComparison.Ordinal);
        await using var next = new NpgsqlCommand("select 1 + 1", connection);
        Assert.Equal(2, Convert.ToInt32(await next.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_cancel_request_stops_a_long_query_with_57014_and_the_connection_goes_on()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from range(1000000000000) a, range(1000) b where a.range % 7 = b.range", connection);
        var running = command.ExecuteScalarAsync();
        // The cancel goes out on a new connection with this one's BackendKeyData, as PostgreSQL's does.
        await CommandCancellation.CancelUntilStoppedAsync(command, running);

        // Npgsql reports a cancellation it asked for as OperationCanceledException, the server's error inside.
        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);
        var error = Assert.IsType<PostgresException>(cancelled.InnerException);
        Assert.Equal("57014", error.SqlState);
        await using var next = new NpgsqlCommand("select 2 + 2", connection);
        Assert.Equal(4, Convert.ToInt32(await next.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Statement_timeout_set_by_the_client_stops_a_long_query()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("set statement_timeout = '500ms'", connection))
        {
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("select count(*) from range(1000000000000) a, range(1000) b where a.range % 7 = b.range", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());
        Assert.Equal("57014", error.SqlState);
        Assert.Contains("statement_timeout", error.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')")]
    [InlineData("copy (select 1) to '/tmp/kencana-sqlapi-copy.csv'")]
    [InlineData("attach '/tmp/kencana-sqlapi-attach.duckdb' as other")]
    [InlineData("install httpfs")]
    [InlineData("load httpfs")]
    [InlineData("set enable_external_access = true")]
    [InlineData("pragma enable_profiling")]
    [InlineData("select * from read_text('/etc/hostname')")]
    public async Task Hostile_SQL_is_refused_with_an_error_and_the_same_connection_keeps_serving(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });

        Assert.False(string.IsNullOrWhiteSpace(error.MessageText));
        Assert.NotEqual("XX000", error.SqlState);
        Assert.False(File.Exists("/tmp/kencana-sqlapi-copy.csv"));
        await using var next = new NpgsqlCommand("select count(*) from preferred_observations", connection);
        Assert.True(Convert.ToInt64(await next.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task An_error_inside_a_transaction_block_fails_the_block_until_rollback()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var bad = new NpgsqlCommand("select * from no_such_table", connection, transaction);
            await bad.ExecuteNonQueryAsync();
        });
        var blocked = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var next = new NpgsqlCommand("select 1", connection, transaction);
            await next.ExecuteScalarAsync();
        });
        Assert.Equal("25P02", blocked.SqlState);
        await transaction.RollbackAsync();
        await using var after = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, Convert.ToInt32(await after.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
