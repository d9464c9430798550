using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>The .xlsx exports as SheetJS (a reader we did not write) opens them: typed cells, region codes as text, the rows of the CSV.</summary>
[Collection(ServerGroup.Name)]
public class XlsxExportTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Theory]
    [InlineData("observations", "indicator=STUNTING&parent=64")]
    [InlineData("achievement", "region=64")]
    [InlineData("rollups", "indicator=STUNTING&parent=64")]
    [InlineData("forecasts", "indicator=STUNTING&parent=64&targetYear=2029")]
    [InlineData("outlooks", "indicator=STUNTING&parent=64&targetYear=2029")]
    public async Task A_spreadsheet_has_the_rows_of_the_CSV_with_typed_cells_and_region_codes_as_text(string dataset, string filter)
    {
        using var xlsx = await ExportDownload.GetAsync(_client, $"/api/v1/export/{dataset}.xlsx?{filter}&lang=en");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Response.Content.Headers.ContentType?.MediaType);
        using var csv = await ExportDownload.GetAsync(_client, $"/api/v1/export/{dataset}.csv?{filter}");
        var csvRows = csv.ReadWithDuckDB("all_varchar = true, header = true", orderBy: "ALL");

        var sheets = await ReadAsync(xlsx.Path);
        var data = sheets[0]!["rows"]!.AsArray();
        var header = data[0]!.AsArray().Select(c => c!["v"]!.GetValue<string>()).ToArray();
        var rows = data.Skip(1).Select(r => r!.AsArray()).ToArray();
        Assert.NotEmpty(csvRows);
        Assert.Equal(csvRows.Count, rows.Length);
        var columns = csvRows[0].Keys.ToArray();
        var codeColumn = Array.FindIndex(columns, c => c is "region_code" or "parent_code");
        Assert.Equal(columns[codeColumn] == "region_code" ? "Region code" : "Parent code", header[codeColumn]);

        // The same rows, column by column, with the type each column declares.
        var asText = rows.Select(r => columns.Select((_, i) => CellText(r[i])).ToArray()).OrderBy(r => string.Join('\u0001', r), StringComparer.Ordinal).ToArray();
        var expected = csvRows.Select(r => columns.Select(c => (string?)r[c] ?? "").ToArray()).OrderBy(r => string.Join('\u0001', r), StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, asText);
        foreach (var (name, i) in columns.Select((c, i) => (c, i)))
        {
            var types = rows.Select(r => r[i]?["t"]?.GetValue<string>()).Where(t => t is not null).Distinct().ToArray();
            var want = name switch
            {
                "region_code" or "parent_code" or "province_code" or "indicator" or "region_name" or "level" or "period" or "unit" => "s",
                "year" or "value" or "target" or "data_version" => "n",
                "period_start" => "d",
                "is_default" or "is_synthetic" or "is_complete" => "b",
                _ => null,
            };
            if (want is not null)
            {
                Assert.True(types.All(t => t == want), $"{name}: cells of type {string.Join(",", types)}, expected {want}");
            }
        }
        // Region codes are text cells with the text format, never a number: 64.10 stays 64.10.
        foreach (var i in columns.Select((c, i) => (c, i)).Where(x => x.c.EndsWith("_code", StringComparison.Ordinal)).Select(x => x.i))
        {
            Assert.All(rows.Where(r => r[i] is not null), r => Assert.Equal("@", r[i]!["z"]!.GetValue<string>()));
        }

        // The second sheet names every source the rows cite.
        Assert.Equal("Sources", sheets[1]!["name"]!.GetValue<string>());
        var sources = sheets[1]!["rows"]!.AsArray().Skip(1).Select(r => r![0]!["v"]!.GetValue<string>()).ToHashSet();
        var cited = csvRows.SelectMany(r => r.Where(kv => kv.Key.EndsWith("source_id", StringComparison.Ordinal) && kv.Value is not null).Select(kv => (string)kv.Value!)).ToHashSet();
        Assert.Equal(cited.Order(), sources.Order());
    }

    [Fact]
    public async Task Headers_are_Indonesian_by_default_and_follow_Accept_Language_or_lang()
    {
        using (var indonesian = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.xlsx?indicator=STUNTING&region=64.74"))
        {
            var sheets = await ReadAsync(indonesian.Path);
            Assert.Equal(["Data", "Sumber"], sheets.Select(s => s!["name"]!.GetValue<string>()));
            Assert.Equal("Kode wilayah", sheets[0]!["rows"]![0]![1]!["v"]!.GetValue<string>());
            Assert.Contains("Accept-Language", indonesian.Response.Headers.Vary);
            var bontang = sheets[0]!["rows"]!.AsArray().Skip(1).First();
            Assert.Equal("64.74", bontang![1]!["v"]!.GetValue<string>());
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export/observations.xlsx?indicator=STUNTING&region=64.74");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        using var response = await _client.SendAsync(request);
        var path = Path.Combine(Path.GetTempPath(), $"kencana-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var english = await ReadAsync(path);
            Assert.Equal("Region code", english[0]!["rows"]![0]![1]!["v"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unchanged_spreadsheet_revalidates_to_304_per_language()
    {
        using var first = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.xlsx?indicator=STUNTING&parent=64&lang=id");
        using var again = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.xlsx?indicator=STUNTING&parent=64&lang=id", first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        using var english = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.xlsx?indicator=STUNTING&parent=64&lang=en", first.ETag);
        Assert.Equal(HttpStatusCode.OK, english.Status);
    }

    /// <summary>A cell as the CSV writes it: numbers in invariant form, booleans as true/false, empty for none.</summary>
    private static string CellText(JsonNode? cell)
    {
        if (cell is null)
        {
            return "";
        }
        var value = cell["v"]!;
        return cell["t"]!.GetValue<string>() switch
        {
            "n" => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            "b" => value.GetValue<bool>() ? "true" : "false",
            _ => value.GetValue<string>(),
        };
    }

    private static async Task<JsonArray> ReadAsync(string path)
    {
        var (exit, output, error) = await NodeTools.RunAsync("read-xlsx.mjs", TimeSpan.FromSeconds(60), path);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!["sheets"]!.AsArray();
    }
}
