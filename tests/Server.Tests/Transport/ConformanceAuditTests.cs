using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kencana.Server.Tests.Transport;

/// <summary>The GraphQL-over-HTTP conformance audit of the npm package graphql-http, run against the real server.</summary>
[Collection(LiveServerGroup.Name)]
public class ConformanceAuditTests(LiveServerFactory server, ITestOutputHelper output)
{
    [Fact]
    public async Task The_graphql_http_audit_finds_no_MUST_failure()
    {
        var (exit, stdout, stderr) = await NodeTools.RunAsync("audit.mjs", TimeSpan.FromMinutes(2), server.BaseUrl + "/graphql");
        Assert.True(exit == 0, $"the audit did not run: {stderr}");
        var results = JsonNode.Parse(stdout)!.AsArray();

        foreach (var warning in results.Where(r => r!["status"]!.GetValue<string>() == "warn"))
        {
            output.WriteLine($"SHOULD {warning!["id"]}: {warning["name"]} -- {warning["reason"]}");
        }
        var failures = results.Where(r => r!["status"]!.GetValue<string>() == "error")
            .Select(r => $"{r!["id"]}: {r["name"]} -- {r["reason"]}").ToList();
        Assert.True(results.Count > 20, $"the audit ran only {results.Count} checks");
        Assert.True(failures.Count == 0, "MUST failures:\n" + string.Join("\n", failures));
    }
}
