using Npgsql;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>A server whose SQL API takes two connections at once.</summary>
public sealed class TwoConnectionSqlApiServerFactory : SqlApiServerFactory
{
    protected override int MaxConnections => 2;
}

[CollectionDefinition(Name)]
public sealed class TwoConnectionSqlApiServerGroup : ICollectionFixture<TwoConnectionSqlApiServerFactory>
{
    public const string Name = "sql api with two connections";
}

[Collection(TwoConnectionSqlApiServerGroup.Name)]
public class MaxConnectionsTests(TwoConnectionSqlApiServerFactory server)
{
    [Fact]
    public async Task A_connection_over_the_limit_gets_53300_naming_the_limit_and_a_freed_place_is_taken_again()
    {
        var unpooled = server.ConnectionString("Pooling=false");
        await using var first = new NpgsqlConnection(unpooled);
        await using var second = new NpgsqlConnection(unpooled);
        await first.OpenAsync();
        await second.OpenAsync();

        await using var third = new NpgsqlConnection(unpooled);
        var error = await Assert.ThrowsAsync<PostgresException>(() => third.OpenAsync());
        Assert.Equal("53300", error.SqlState);
        Assert.Contains("SqlApi:MaxConnections", error.MessageText, StringComparison.Ordinal);

        await first.CloseAsync();
        // The server notices the closed connection once its thread has ended; give it a moment on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var again = new NpgsqlConnection(unpooled);
                await again.OpenAsync();
                await using var command = new NpgsqlCommand("select 1", again);
                Assert.Equal(1, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == "53300" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
