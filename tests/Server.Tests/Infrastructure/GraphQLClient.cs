using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>Posts GraphQL requests as a client would and returns what came back.</summary>
internal static class GraphQLClient
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<GraphQLResponse> PostAsync(this HttpClient client, string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    public static async Task<GraphQLResponse> GetQueryAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));
        return await GraphQLResponse.ReadAsync(response);
    }

    public static string Pretty(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";
}

internal sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonNode Body, long? SqlStatements = null)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"]?.AsArray();

    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    public string? FirstErrorMessage => Errors?[0]?["message"]?.GetValue<string>();

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var statements = response.Headers.TryGetValues("X-Kencana-Sql-Statements", out var values) ? long.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!, statements);
    }
}
