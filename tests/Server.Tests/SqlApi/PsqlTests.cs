namespace Kencana.Server.Tests.SqlApi;

/// <summary>psql, PostgreSQL's own client, against the SQL API through the simple query protocol.</summary>
[Collection(SqlApiServerGroup.Name)]
public class PsqlTests(SqlApiServerFactory server)
{
    private string Connection => $"host=127.0.0.1 port={server.Port} user={SqlApiServerFactory.User} dbname=kencana";

    [Fact]
    public async Task Psql_prints_the_rows_of_a_query()
    {
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-c", "select region_code, value from preferred_observations where indicator = 'UNMET_NEED' and region_code = '64.74' order by year");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["64.74|15.6", "64.74|14.8"], Lines(output));
    }

    [Fact]
    public async Task Several_statements_in_one_query_each_answer_and_quotes_and_comments_keep_their_semicolons()
    {
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-c", "select 'a;b' as x; /* ; */ select $$c;d$$ -- ;\n; set application_name = 'probe'; show application_name");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["a;b", "c;d", "SET", "probe"], Lines(output));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_28P01_without_saying_what_was_wrong()
    {
        var (exitCode, _, error) = await PostgresClients.PsqlAsync(Connection, "not-the-password", "-c", "select 1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("password authentication failed for user \"analyst\"", error, StringComparison.Ordinal);
        var (unknownExit, _, unknownError) = await PostgresClients.PsqlAsync(Connection.Replace("user=analyst", "user=nobody", StringComparison.Ordinal), SqlApiServerFactory.Password, "-c", "select 1");
        Assert.NotEqual(0, unknownExit);
        Assert.Contains("password authentication failed for user \"nobody\"", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_names_its_sqlstate_and_the_next_statement_runs()
    {
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-v", "ON_ERROR_STOP=0", "-v", "VERBOSITY=verbose",
            "-c", "select * from no_such_table", "-c", "select 41 + 1");

        Assert.Equal(0, exitCode);
        Assert.Contains("42P01", error, StringComparison.Ordinal);
        Assert.Equal(["42"], Lines(output));
    }

    [Fact]
    public async Task Psql_with_FETCH_COUNT_reads_through_a_cursor_a_few_rows_at_a_time()
    {
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-v", "FETCH_COUNT=2", "-c", "select year from preferred_observations order by indicator desc, year");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["2023", "2024", "2024"], Lines(output));
    }

    [Fact]
    public async Task Declare_fetch_and_close_read_a_cursor_forward_inside_a_transaction()
    {
        var (exitCode, output, error) = await PostgresClients.PsqlAsync(Connection, SqlApiServerFactory.Password,
            "-c", "begin", "-c", "declare c no scroll cursor for select year from preferred_observations order by indicator desc, year",
            "-c", "fetch 2 from c", "-c", "fetch forward all in c", "-c", "fetch next from c", "-c", "close c", "-c", "commit");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["BEGIN", "DECLARE CURSOR", "2023", "2024", "2024", "CLOSE CURSOR", "COMMIT"], Lines(output));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
