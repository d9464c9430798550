using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kencana.Server.Tests.Transport;

/// <summary>A person's first visit: open /graphql in a browser, run the first example, read real data.</summary>
[Collection(LiveServerGroup.Name)]
public class PlaygroundBrowserTests(LiveServerFactory server, ITestOutputHelper output)
{
    [Fact]
    public async Task The_playground_runs_an_example_offline_shows_real_data_and_its_docs_and_completions_work()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), "kencana-playground.png");
        var (exit, stdout, stderr) = await NodeTools.RunAsync(
            "browse.mjs", TimeSpan.FromMinutes(2), server.BaseUrl + "/graphql", Chromium.Path, screenshot, "15.6");
        Assert.True(exit == 0, $"the browser run failed: {stderr}");
        output.WriteLine($"screenshot: {screenshot}");

        var report = JsonNode.Parse(stdout)!;
        var result = report["result"]!.GetValue<string>();
        Assert.Contains("SEED_BONTANG_2024", result);
        Assert.Contains("14.8", result);
        // Both need the standard introspection query, which the complexity limit once refused.
        Assert.Contains("observations", report["docs"]!.GetValue<string>());
        Assert.Contains(report["completions"]!.AsArray(), c => c!.GetValue<string>() == "indicators");
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Empty(report["external"]!.AsArray()); // nothing is fetched from outside this server
    }
}
