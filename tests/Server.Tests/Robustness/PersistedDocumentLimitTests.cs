using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kencana.Server.Tests.Robustness;

/// <summary>A server that keeps at most three persisted documents of at most 2 KB.</summary>
public sealed class SmallDocumentStoreFactory : KencanaServerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GraphQL:PersistedDocuments:MaxDocuments", "3");
        builder.UseSetting("GraphQL:PersistedDocuments:MaxDocumentBytes", "2048");
    }
}

public class PersistedDocumentLimitTests(SmallDocumentStoreFactory server) : IClassFixture<SmallDocumentStoreFactory>
{
    // Registering documents is for analysts.
    private readonly HttpClient _client = server.ClientWithKey(Kencana.Server.Identity.Roles.Analyst);

    private async Task<(HttpStatusCode Status, JsonNode Body)> RegisterAsync(string query)
    {
        using var response = await _client.PostAsJsonAsync("/graphql/documents", new { query });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_and_not_stored()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 400).Select(i => $"a{i}: __typename")) + " }";
        var (status, body) = await RegisterAsync(query);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("MaxDocumentBytes", body["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registration_stops_at_the_document_count_limit_and_names_it()
    {
        var statuses = new List<HttpStatusCode>();
        JsonNode? refusal = null;
        for (var i = 0; i < 5; i++)
        {
            var (status, body) = await RegisterAsync($"query Count{i} {{ indicators {{ code }} }}");
            statuses.Add(status);
            if (status != HttpStatusCode.OK)
            {
                refusal = body;
            }
        }
        Assert.Contains(HttpStatusCode.InsufficientStorage, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 3);
        Assert.Contains("MaxDocuments", refusal!["detail"]!.GetValue<string>());
        Assert.Equal("PERSISTED_DOCUMENT_LIMIT", refusal["code"]!.GetValue<string>());
    }
}

/// <summary>Persisted documents on the ordinary test server, whose store has room.</summary>
[Collection(ServerGroup.Name)]
public class PersistedDocumentVariableTests(KencanaServerFactory server)
{
    // Registering documents is for analysts.
    private readonly HttpClient _client = server.ClientWithKey(Kencana.Server.Identity.Roles.Analyst);

    [Fact]
    public async Task A_document_with_a_required_variable_registers_and_runs_with_its_value()
    {
        using var registered = await _client.PostAsJsonAsync("/graphql/documents", new { query = "query Region($code: String!) { region(code: $code) { name } }" });
        var status = registered.StatusCode;
        var body = JsonNode.Parse(await registered.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, status);
        var id = body["documentId"]!.GetValue<string>();

        using var run = await _client.PostAsJsonAsync("/graphql", new { documentId = id, variables = new { code = "64.74" } });
        var answer = await GraphQLResponse.ReadAsync(run);
        Assert.Equal("Kota Bontang", answer.Data!["region"]!["name"]!.GetValue<string>());
    }
}
