using Kencana.Warehouse.SqlApi.Snapshots;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// psql's describe commands (<c>\dt</c>, <c>\dv</c>, <c>\d</c>, <c>\d NAME</c>, with <c>+</c>) against the real
/// snapshot of the seed warehouse: the relations, columns, types and comments psql prints come from the snapshot's
/// own catalogue. psql runs unaligned and without headers (<c>-A -t</c>), so each row is one line of fields split by |.
/// </summary>
[Collection(SnapshotSqlApiServerGroup.Name)]
public class PsqlDescribeTests(SnapshotSqlApiServerFactory server)
{
    private string Connection => $"host=127.0.0.1 port={server.Port} user={SqlApiServerFactory.User} dbname=kencana";

    [Fact]
    public async Task Dt_lists_the_tables_and_not_the_view()
    {
        var rows = await RowsAsync("\\dt");

        var names = rows.Select(r => r[1]).ToList();
        Assert.All(rows, r => Assert.Equal(("main", "table"), (r[0], r[2])));
        // forecasts is a table too, when its computation fits the snapshot's time budget.
        Assert.Subset(names.ToHashSet(), CuratedRelations.All.Where(r => !r.IsView).Select(r => r.Name).ToHashSet());
        Assert.DoesNotContain("preferred_observations", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Dv_lists_the_view_and_d_lists_tables_and_view_together()
    {
        var views = await RowsAsync("\\dv");
        var all = await RowsAsync("\\d");

        Assert.Equal([["main", "preferred_observations", "view", ""]], views);
        Assert.Contains(["main", "preferred_observations", "view", ""], all);
        Assert.Contains(["main", "observations", "table", ""], all);
        Assert.Equal(all.Count - 1, all.Count(r => r[2] == "table"));
    }

    [Fact]
    public async Task Dt_plus_shows_each_table_s_description_and_a_pattern_narrows_the_list()
    {
        var rows = await RowsAsync("\\dt+ obs*");

        var observations = Assert.Single(rows);
        Assert.Equal("observations", observations[1]);
        Assert.Equal(CuratedRelations.Find("observations")!.Description, observations[^1]);
    }

    [Fact]
    public async Task D_name_shows_the_columns_with_their_types_and_nullability()
    {
        var rows = await RowsAsync("\\d observations");

        // Column | Type | Collation | Nullable | Default: the types are those the wire protocol serves.
        Assert.Equal(CuratedRelations.Find("observations")!.Columns.Select(c => c.Name), rows.Select(r => r[0]));
        var types = rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("text", types["region_code"]);
        Assert.Equal("smallint", types["year"]);
        Assert.Equal("date", types["period_start"]);
        Assert.Equal("double precision", types["value"]);
        Assert.Equal("boolean", types["is_default"]);
        Assert.Equal("integer", types["data_version"]);
        Assert.All(rows, r => Assert.Equal("", r[3]));
    }

    [Fact]
    public async Task D_plus_name_shows_each_column_s_description()
    {
        var rows = await RowsAsync("\\d+ regions");

        var expected = CuratedRelations.Find("regions")!.Columns;
        Assert.Equal(expected.Select(c => (c.Name, c.Description)), rows.Select(r => (r[0], r[^1])));
        Assert.Contains("The Kemendagri region code", rows[0][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task D_plus_of_the_view_shows_its_definition_and_a_schema_finds_the_public_alias()
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-P", "tuples_only=off", "-c", "\\d+ preferred_observations", "-c", "\\d public.regions");

        Assert.True(exitCode == 0, error);
        Assert.Contains("View \"main.preferred_observations\"", output, StringComparison.Ordinal);
        Assert.Contains("View definition:", output, StringComparison.Ordinal);
        Assert.Contains("FROM observations WHERE is_default", output, StringComparison.Ordinal);
        Assert.Contains("View \"public.regions\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_gets_psql_s_own_message()
    {
        await server.WaitUntilReadyAsync();
        var (_, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password, "-c", "\\d nosuch");

        Assert.Equal("", output.Trim());
        Assert.Contains("Did not find any relation named \"nosuch\".", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listings_of_what_the_snapshot_has_none_of_find_nothing_and_dT_still_runs_in_the_engine()
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-c", "\\di", "-c", "\\ds", "-c", "\\dT", "-c", "select 41 + 1");

        Assert.True(exitCode == 0, error);
        Assert.Equal(2, error.Split('\n').Count(l => l.Contains("Did not find any relations.", StringComparison.Ordinal)));
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
        Assert.Equal(["42"], Lines(output));
    }

    [Theory]
    [InlineData("\\df", "\\df or \\da (functions and aggregates)")]
    [InlineData("\\dn", "\\dn (schemas)")]
    [InlineData("\\l", "\\l (databases)")]
    [InlineData("\\du", "\\du or \\dg (roles)")]
    public async Task An_unsupported_command_gets_an_error_naming_it_and_what_to_use_and_the_next_query_runs(string command, string named)
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-v", "ON_ERROR_STOP=0", "-v", "VERBOSITY=verbose", "-c", command, "-c", "\\dv", "-c", "select 41 + 1");

        Assert.Equal(0, exitCode);
        Assert.Contains($"0A000: psql's {named} is not offered by the SQL API", error, StringComparison.Ordinal);
        Assert.Contains("HINT:  \\dt, \\dv and \\d list the relations", error, StringComparison.Ordinal);
        Assert.Equal(["main|preferred_observations|view|", "42"], Lines(output));
    }

    /// <summary>Runs one psql command and splits its rows into fields.</summary>
    private async Task<List<string[]>> RowsAsync(string command)
    {
        await server.WaitUntilReadyAsync();
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password, "-c", command);
        Assert.True(exitCode == 0, error);
        return [.. Lines(output).Select(l => l.Split('|'))];
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
