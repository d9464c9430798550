using System.Net;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

[Collection(ServerGroup.Name)]
public class ArrowExportTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_apache_arrow_npm_package_reads_the_stream_with_its_types_and_values()
    {
        using var arrow = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.arrow?indicator=STUNTING");
        Assert.Equal(HttpStatusCode.OK, arrow.Status);
        Assert.Equal("application/vnd.apache.arrow.stream", arrow.Response.Content.Headers.ContentType?.MediaType);
        using var parquet = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.parquet?indicator=STUNTING");

        var read = await ReadWithNodeAsync(arrow.Path, 100, "region_code=64.07");
        var types = read["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["type"]!.GetValue<string>());
        Assert.Equal("Utf8", types["region_name"]);
        Assert.Equal("Int16", types["year"]);
        Assert.Equal("Date32<DAY>", types["period_start"]);
        Assert.Equal("Float64", types["value"]);
        Assert.Equal("Bool", types["is_default"]);
        Assert.Equal("Int32", types["data_version"]);
        Assert.Equal(parquet.ReadWithDuckDB().Count, read["numRows"]!.GetValue<int>());
        Assert.Equal("observations", read["schemaMetadata"]!["kencana.dataset"]!.GetValue<string>());
        var parent = read["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "parent_code")!;
        Assert.True(parent["nullable"]!.GetValue<bool>());
        Assert.Contains("directly above", parent["metadata"]!["description"]!.GetValue<string>());

        // Kutai Barat's three values: two conflicting 2024 ones and 2021.
        var rows = read["rows"]!.AsArray().OrderBy(r => r!["year"]!.GetValue<int>()).ThenBy(r => r!["source_id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("2021-01-01", rows[0]!["period_start"]!.GetValue<string>());
        Assert.Equal(21.0, rows[1]!["value"]!.GetValue<double>());
        Assert.True(rows[1]!["is_default"]!.GetValue<bool>());
        Assert.Equal(27.6, rows[2]!["value"]!.GetValue<double>());
        Assert.False(rows[2]!["is_default"]!.GetValue<bool>());
        Assert.Null(rows[2]!["denominator"]);
    }

    [Fact]
    public async Task An_empty_export_is_still_a_stream_with_its_schema()
    {
        using var arrow = await ExportDownload.GetAsync(_client, "/api/v1/export/rollups.arrow?indicator=STUNTING&fromYear=1990&toYear=1991");
        Assert.Equal(HttpStatusCode.OK, arrow.Status);
        var read = await ReadWithNodeAsync(arrow.Path, 1);
        Assert.Equal(0, read["numRows"]!.GetValue<int>());
        Assert.Equal("expected_children", read["fields"]![12]!["name"]!.GetValue<string>());
        Assert.Equal("Int64", read["fields"]![12]!["type"]!.GetValue<string>());
    }

    internal static async Task<JsonNode> ReadWithNodeAsync(string path, int rows, string? where = null)
    {
        var arguments = where is null ? new[] { path, rows.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [path, rows.ToString(System.Globalization.CultureInfo.InvariantCulture), where];
        var (exitCode, output, error) = await NodeTools.RunAsync("read-arrow.mjs", TimeSpan.FromSeconds(60), arguments);
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!;
    }
}
