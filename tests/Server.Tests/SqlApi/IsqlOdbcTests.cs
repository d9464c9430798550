namespace Kencana.Server.Tests.SqlApi;

/// <summary>unixODBC's isql with psqlODBC, Debian's build of the driver Excel and Power BI use on Windows, connected without a DSN.</summary>
[Collection(SqlApiServerGroup.Name)]
public class IsqlOdbcTests(SqlApiServerFactory server)
{
    private string ConnectionString(string password = SqlApiServerFactory.Password) =>
        $"Driver={PostgresClients.OdbcDriver};Server=127.0.0.1;Port={server.Port};Database=kencana;Uid={SqlApiServerFactory.User};Pwd={password};";

    [Fact]
    public async Task Isql_reads_the_rows_of_a_query_through_psqlODBC()
    {
        var (exitCode, output, error) = await PostgresClients.IsqlAsync(ConnectionString(),
            "select region_code, value from preferred_observations where indicator = 'UNMET_NEED' and region_code = '64.74' order by year\n");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("64.74|15.6", output, StringComparison.Ordinal);
        Assert.Contains("64.74|14.8", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("15.6", StringComparison.Ordinal) < output.IndexOf("14.8", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Isql_with_a_wrong_password_is_refused()
    {
        var (exitCode, output, error) = await PostgresClients.IsqlAsync(ConnectionString("wrong"), "select 1\n");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("password authentication failed", output + error, StringComparison.Ordinal);
    }
}
