using System.Globalization;
using Kencana.Server.Tests.Infrastructure;
using Npgsql;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// The SQL API end to end: clients we did not write, over the wire, reading the real snapshot of the seed
/// warehouse through the locked-down engine.
/// </summary>
[Collection(SnapshotSqlApiServerGroup.Name)]
public class EndToEndTests(SnapshotSqlApiServerFactory server)
{
    private static readonly string[] RefusalStates = ["42501", "42P01", "25006", "0A000", "42601"];

    private const string DoneQuery = "select region_code, value from preferred_observations where indicator = 'UNMET_NEED' and region_code = '64.74' order by year";

    [Fact]
    public async Task Psql_prints_the_unmet_need_of_Bontang()
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(
            $"host=127.0.0.1 port={server.Port} user={SqlApiServerFactory.User} dbname=kencana", SqlApiServerFactory.Password, "-c", DoneQuery);

        Assert.True(exitCode == 0, error);
        Assert.Equal(["64.74|15.6", "64.74|14.8"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Npgsql_reads_the_unmet_need_of_Bontang_in_binary()
    {
        await using var connection = await server.OpenAsync();
        await using var command = new NpgsqlCommand(DoneQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<(string, double)>();
        while (await reader.ReadAsync())
        {
            values.Add((reader.GetString(0), reader.GetDouble(1)));
        }

        Assert.Equal([("64.74", 15.6), ("64.74", 14.8)], values);
    }

    [Fact]
    public async Task Isql_reads_the_unmet_need_of_Bontang_through_psqlODBC()
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.IsqlAsync(
            $"Driver={PostgresClients.OdbcDriver};Server=127.0.0.1;Port={server.Port};Database=kencana;Uid={SqlApiServerFactory.User};Pwd={SqlApiServerFactory.Password};",
            DoneQuery + "\n");

        Assert.True(exitCode == 0, output + error);
        var first = output.IndexOf("64.74|15.6", StringComparison.Ordinal);
        Assert.True(first >= 0 && output.IndexOf("64.74|14.8", StringComparison.Ordinal) > first, output);
    }

    [Fact]
    public async Task An_aggregate_over_observations_equals_the_GraphQL_aggregate()
    {
        var graphql = await server.CreateClient().PostAsync(
            """{ aggregate(where: { indicators: ["STUNTING"] }, groupBy: [YEAR]) { year count mean min max } }""");
        Assert.Null(graphql.Errors);
        var expected = graphql.Data!["aggregate"]!.AsArray()
            .Select(g => (Year: (int)g!["year"]!, Count: (long)g["count"]!, Mean: (double)g["mean"]!, Min: (double)g["min"]!, Max: (double)g["max"]!))
            .OrderBy(g => g.Year).ToList();
        Assert.NotEmpty(expected);

        await using var connection = await server.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select year, count(*), avg(value), min(value), max(value) from observations where is_default and indicator = $1 group by year order by year", connection);
        command.Parameters.AddWithValue("STUNTING");
        await using var reader = await command.ExecuteReaderAsync();
        var actual = new List<(int Year, long Count, double Mean, double Min, double Max)>();
        while (await reader.ReadAsync())
        {
            actual.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal((want.Year, want.Count, want.Min, want.Max), (got.Year, got.Count, got.Min, got.Max));
            Assert.Equal(want.Mean, got.Mean, 1e-9);
        }
    }

    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')")]
    [InlineData("select * from read_text('/etc/passwd')")]
    [InlineData("copy (select 1) to '/tmp/kencana-sqlapi-e2e-copy.csv'")]
    [InlineData("copy observations to '/tmp/kencana-sqlapi-e2e-copy.csv'")]
    [InlineData("attach '/tmp/kencana-sqlapi-e2e.duckdb' as other")]
    [InlineData("install httpfs")]
    [InlineData("load httpfs")]
    [InlineData("set enable_external_access = true")]
    [InlineData("pragma enable_profiling")]
    [InlineData("pragma database_list")]
    [InlineData("select * from audit_log")]
    [InlineData("create table t (x int)")]
    public async Task Hostile_SQL_is_refused_with_a_clear_error_and_the_same_connection_keeps_serving(string sql)
    {
        await using var connection = await server.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });

        Assert.Contains(error.SqlState, RefusalStates);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageText));
        Assert.False(File.Exists("/tmp/kencana-sqlapi-e2e-copy.csv"));
        await using var next = new NpgsqlCommand("select count(*) from preferred_observations", connection);
        Assert.True(Convert.ToInt64(await next.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_cross_join_of_observations_is_cancelled_on_request_and_the_server_keeps_serving()
    {
        await using var connection = await server.OpenAsync();
        // A predicate no join operator can use (observations² x 91,600 regions, every triple evaluated): with an
        // inequality such as a.value + b.value > c.value DuckDB picked a range join that finished within a second on CI.
        await using var command = new NpgsqlCommand("select count(*) from observations a, observations b, regions c where hash(a.value, b.value, c.region_code) % 1000 = 7", connection);
        var running = command.ExecuteScalarAsync();
        await CommandCancellation.CancelUntilStoppedAsync(command, running);

        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);
        Assert.Equal("57014", Assert.IsType<PostgresException>(cancelled.InnerException).SqlState);
        await using var other = await server.OpenAsync();
        await using var next = new NpgsqlCommand("select count(*) from regions", other);
        Assert.True(Convert.ToInt64(await next.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task What_drivers_ask_on_connect_is_answered()
    {
        await using var connection = await server.OpenAsync();
        foreach (var sql in new[]
        {
            "select version()",
            "select current_schema()",
            "select current_database()",
            "show transaction isolation level",
            "select oid, typbasetype from pg_type where typname = 'lo'",
            "select table_name from information_schema.tables order by table_name",
            "select column_name, data_type from information_schema.columns where table_name = 'observations'",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(0);
            }
        }
    }
}
