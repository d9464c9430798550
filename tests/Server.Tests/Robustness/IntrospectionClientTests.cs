using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Robustness;

/// <summary>The introspection every GraphQL tool sends first (GraphiQL's docs, Apollo Sandbox, codegen), from graphql-js itself.</summary>
[Collection(LiveServerGroup.Name)]
public class IntrospectionClientTests(LiveServerFactory server)
{
    [Fact]
    public async Task Graphql_js_builds_the_schema_from_every_variant_of_its_introspection_query()
    {
        var (exit, stdout, stderr) = await NodeTools.RunAsync("introspect.mjs", TimeSpan.FromMinutes(1), server.BaseUrl + "/graphql");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.True(line["ok"]!.GetValue<bool>(), $"{line["options"]!.ToJsonString()}: {line["error"]}");
            Assert.Equal("Query", line["query"]!.GetValue<string>());
        });
    }
}
