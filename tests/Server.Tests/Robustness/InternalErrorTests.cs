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

    [Fact]
    public async Task Each_request_is_logged_in_one_line_without_its_query_string_or_headers()
    {
        var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ region(code: \"64.74\") { name } }") + "&secret=s3cr3t");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t0ken");
        using var response = await client.SendAsync(request);

        var lines = server.Logs.Entries.Where(e => e.Category.Contains("HttpLogging", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains(lines, l => l.Contains("/graphql", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("s3cr3t", StringComparison.Ordinal) || l.Contains("t0ken", StringComparison.Ordinal) || l.Contains("64.74", StringComparison.Ordinal));
    }
}
