using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Transport;

[Collection(ServerGroup.Name)]
public class GraphQLHttpTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Get_runs_a_query()
    {
        var response = await _client.GetQueryAsync("{ region(code: \"64\") { name } }");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType); // no Accept header: the legacy media type
        Assert.Equal("Kalimantan Timur", response.Data!["region"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Server_timing_reports_the_time_in_sql_within_the_execution()
    {
        // A query that must read the warehouse (the response cache is keyed per text, so a unique alias keeps it a miss):
        // a kecamatan's series, since the series of provinces and kabupaten/kota may be answered from memory.
        var body = $$"""{"query":"{ q{{Guid.NewGuid():N}}: series(indicator: \"STUNTING\", region: \"64.74.01\") { points { year value } } }"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/graphql", content);

        var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
        var match = System.Text.RegularExpressions.Regex.Match(timing, """^sql;dur=(?<sql>[0-9.]+);desc="(?<n>[0-9]+) statements?", execute;dur=(?<all>[0-9.]+)$""");
        Assert.True(match.Success, timing);
        Assert.Equal(response.Headers.GetValues("X-Kencana-Sql-Statements").Single(), match.Groups["n"].Value);
        Assert.True(long.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var sql = double.Parse(match.Groups["sql"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var all = double.Parse(match.Groups["all"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sql, 0.001, all);
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405()
    {
        using var response = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { x }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow.Concat(response.Headers.Select(h => string.Join(",", h.Value))));
    }

    [Fact]
    public async Task A_validation_error_is_400_in_graphql_response_json_and_200_in_plain_json()
    {
        var modern = await _client.PostAsync("{ nope }");
        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal("application/graphql-response+json", modern.MediaType);
        Assert.Contains("nope", modern.FirstErrorMessage);

        var legacy = await _client.PostAsync("{ nope }", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("application/json", legacy.MediaType);
    }

    [Fact]
    public async Task A_syntax_error_names_its_location()
    {
        var response = await _client.PostAsync("{ indicators { code ");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Errors![0]!["locations"]);
    }

    [Theory]
    [InlineData("text/plain", "{\"query\":\"{ indicators { code } }\"}", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("application/json", "{\"query\":", HttpStatusCode.BadRequest, "INVALID_REQUEST")]
    [InlineData("application/json", "{\"variables\":{}}", HttpStatusCode.BadRequest, "INVALID_REQUEST")]
    [InlineData("application/json", "{\"query\":\"{ indicators { code } }\",\"variables\":[1]}", HttpStatusCode.BadRequest, "INVALID_REQUEST")]
    public async Task Malformed_requests_get_a_clear_4xx(string contentType, string body, HttpStatusCode status, string code)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _client.PostAsync("/graphql", content);
        var parsed = await GraphQLResponse.ReadAsync(response);
        Assert.Equal(status, parsed.Status);
        Assert.Equal(code, parsed.FirstErrorCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_naming_the_limit()
    {
        var query = "{ indicators { code } }" + new string(' ', 70_000);
        var response = await _client.PostAsync(query);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("MaxRequestBytes", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_too_deep_query_is_refused()
    {
        var query = "{ region(code: \"0\") { " + string.Concat(Enumerable.Repeat("children(first: 1) { ", 20)) + "code" + new string('}', 21) + " }";
        var response = await _client.PostAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("depth", response.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_batch_is_answered_in_order()
    {
        using var content = new StringContent("""
            [{"query": "{ region(code: \"64.74\") { name } }"}, {"query": "query($c: String!) { region(code: $c) { name } }", "variables": {"c": "64.72"}}]
            """, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["Kota Bontang", "Kota Samarinda"], results.Select(r => r!["data"]!["region"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_batch_beyond_the_limit_is_refused_naming_it()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ indicators { code } }\"}", 21)) + "]";
        using var content = new StringContent(batch, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/graphql", content);
        var parsed = await GraphQLResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, parsed.Status);
        Assert.Equal("BATCH_TOO_LARGE", parsed.FirstErrorCode);
        Assert.Contains("MaxBatchSize", parsed.FirstErrorMessage);
    }

    [Fact]
    public async Task A_registered_document_runs_by_its_sha256_id()
    {
        const string Query = "query Bontang { region(code: \"64.74\") { name } }";
        using var analyst = server.ClientWithKey(Kencana.Server.Identity.Roles.Analyst);
        using var registration = await analyst.PostAsJsonAsync("/graphql/documents", new { query = Query });
        Assert.Equal(HttpStatusCode.OK, registration.StatusCode);
        var documentId = System.Text.Json.Nodes.JsonNode.Parse(await registration.Content.ReadAsStringAsync())!["documentId"]!.GetValue<string>();
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Query))), documentId);

        using var run = await _client.PostAsJsonAsync("/graphql", new { documentId });
        var result = await GraphQLResponse.ReadAsync(run);
        Assert.Equal("Kota Bontang", result.Data!["region"]!["name"]!.GetValue<string>());

        using var unknown = await _client.PostAsJsonAsync("/graphql", new { documentId = "sha256:" + new string('0', 64) });
        Assert.Equal("DOCUMENT_NOT_FOUND", (await GraphQLResponse.ReadAsync(unknown)).FirstErrorCode);

        using var invalid = await analyst.PostAsJsonAsync("/graphql/documents", new { query = "{ nope }" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_browser_gets_the_playground()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kencana Analytics", html);
        Assert.Contains("UNMET_NEED", html);
        Assert.Contains("achievement(indicator", html); // the planner's example
        Assert.DoesNotContain("https://", html); // every asset comes from this server
    }
}
