using DuckDB.NET.Data;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Hosting;

/// <summary>Once the server is up, DuckDB may not read files outside the warehouse or fetch extensions.</summary>
[Collection(ServerGroup.Name)]
public class ExternalAccessTests(KencanaServerFactory server)
{
    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "Cannot access file \"/etc/passwd\" - file system operations are disabled by configuration")]
    [InlineData("INSTALL httpfs", "file system operations are disabled by configuration")]
    [InlineData("LOAD httpfs", "Loading external extensions is disabled")]
    [InlineData("SET enable_external_access = true", "the configuration has been locked")]
    public void A_connection_of_the_servers_warehouse_refuses_it(string sql, string expected)
    {
        using var connection = server.Services.GetRequiredService<WarehouseDatabase>().OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = Assert.Throws<DuckDBException>(() => command.ExecuteNonQuery());

        Assert.Contains(expected, error.Message);
    }
}
