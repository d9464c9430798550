using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kencana.Server.Tests.Robustness;

/// <summary>A server whose warehouse lost a table after start-up, and whose log the test can read.</summary>
public sealed class BrokenWarehouseFactory : KencanaServerFactory
{
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Renames the data-version log away, as a damaged or half-migrated warehouse would present it.</summary>
    public void BreakDataVersions()
    {
        using var connection = Services.GetRequiredService<WarehouseDatabase>().OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE data_versions RENAME TO data_versions_lost";
        command.ExecuteNonQuery();
    }
}

public class InternalErrorTests(BrokenWarehouseFactory server) : IClassFixture<BrokenWarehouseFactory>
{
    [Fact]
    public async Task A_server_fault_answers_a_request_id_the_log_also_holds_and_no_internals()
    {
        var client = server.CreateClient();
        Assert.Null((await client.PostAsync("{ indicators { code } }")).Errors); // started, and healthy
        server.BreakDataVersions();

        var response = await client.PostAsync("{ dataVersions { number } }");

        Assert.Equal("INTERNAL_SERVER_ERROR", response.FirstErrorCode);
        var requestId = response.Errors![0]!["extensions"]!["requestId"]!.GetValue<string>();
        Assert.Contains(requestId, response.FirstErrorMessage);
        Assert.DoesNotContain("data_versions", response.FirstErrorMessage); // no SQL, table names or stack traces
        Assert.DoesNotContain("DuckDB", response.FirstErrorMessage);
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(requestId) && e.Exception is not null);
    }
}
