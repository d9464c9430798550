using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Export;

namespace Kencana.Server.Tests.Robustness;

/// <summary>The generated village panel (83,762 desa) behind a server that allows each request one second.</summary>
public sealed class OneSecondPanelServerFactory : IDisposable
{
    private readonly PanelServerFactory _panel = new();

    public OneSecondPanelServerFactory() =>
        Client = _panel.WithWebHostBuilder(b => b.UseSetting("GraphQL:TimeoutSeconds", "1")).CreateClient();

    public HttpClient Client { get; }

    public void Dispose() => _panel.Dispose();
}

public class BatchTimeLimitTests(OneSecondPanelServerFactory server) : IClassFixture<OneSecondPanelServerFactory>
{
    [Fact]
    public async Task Twenty_heavy_operations_in_one_batch_share_one_time_limit()
    {
        // Each operation sorts every desa's value; alone it fits in the limit, twenty in a row do not.
        const string Heavy = "{ aggregate(where: { indicators: [\"STUNTING\"], levels: [VILLAGE] }, groupBy: [REGION], orderBy: MEDIAN, first: 1000) { count median p25 p75 stdDev } }";
        var batch = Enumerable.Repeat(new { query = Heavy }, 20).ToArray();
        var clock = Stopwatch.StartNew();
        using var response = await server.Client.PostAsJsonAsync("/graphql", batch);
        var elapsed = clock.Elapsed;
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(20, results.Count);
        var codes = results.Select(r => r!["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>()).ToList();
        Assert.True(codes.Contains("TIMEOUT"), $"codes: {string.Join(", ", codes.Select(c => c ?? "ok"))}; took {elapsed}");
        Assert.Equal("TIMEOUT", codes[^1]);
        Assert.Contains("GraphQL:TimeoutSeconds", results[^1]!["errors"]![0]!["message"]!.GetValue<string>());
        // One second of work plus the time to stop the statement running at the deadline: never twenty seconds' worth.
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the batch took {elapsed}");
    }
}
