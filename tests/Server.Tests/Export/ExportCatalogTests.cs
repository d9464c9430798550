using System.Net;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

[Collection(ServerGroup.Name)]
public class ExportCatalogTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_catalogue_names_each_dataset_with_its_columns_filters_and_formats()
    {
        using var response = await _client.GetAsync("/api/v1/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var datasets = catalog["datasets"]!.AsArray();
        Assert.Equal(["achievement", "forecasts", "observations", "outlooks", "rollups"], datasets.Select(d => d!["name"]!.GetValue<string>()));
        var observations = datasets.Single(d => d!["name"]!.GetValue<string>() == "observations")!;
        Assert.Equal("/api/v1/export/observations.parquet", observations["downloads"]!["parquet"]!.GetValue<string>());
        var value = observations["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "value")!;
        Assert.Equal("double", value["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(value["description"]!.GetValue<string>()));
        Assert.Equal(
            ["indicator", "region", "parent", "ancestor", "level", "fromYear", "toYear", "granularity", "preferredOnly", "all"],
            observations["filters"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        var regionCode = observations["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "region_code")!;
        Assert.Equal("string", regionCode["type"]!.GetValue<string>());
        Assert.Contains("never a number", regionCode["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["pandas", "readr", "duckdb", "powerquery"], observations["readCsv"]!.AsObject().Select(r => r.Key));
        Assert.Contains("{\"region_code\", type text}", observations["readCsv"]!["powerquery"]!.GetValue<string>(), StringComparison.Ordinal);
        var rollups = datasets.Single(d => d!["name"]!.GetValue<string>() == "rollups")!;
        Assert.Equal("int64", rollups["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "expected_children")!["type"]!.GetValue<string>());

        var formats = catalog["formats"]!.AsArray();
        Assert.Equal(["csv", "parquet", "arrow", "xlsx"], formats.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(["rfc4180", "excel-id"], formats[0]!["dialects"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("application/vnd.apache.arrow.stream", formats[2]!["mediaType"]!.GetValue<string>());
    }
}
