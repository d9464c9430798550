using System.Net;
using System.Text;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>Exports from a generated village-level warehouse: names that need care, and the roll-up arithmetic.</summary>
public class PanelExportTests(PanelServerFactory server) : IClassFixture<PanelServerFactory>
{
    private const string Villages = "region=12.07.28.1007,53.07.01.2021";
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Village_names_with_commas_and_apostrophes_survive_every_format()
    {
        using var csv = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.csv?{Villages}");
        var text = Encoding.UTF8.GetString(csv.Body);
        Assert.Contains(",\"Lubuk Pakam I,II\",village,", text);
        Assert.Contains(",Regapu’u,village,", text);
        var names = "region_code, region_name";
        Assert.Equal(
            [("12.07.28.1007", "Lubuk Pakam I,II"), ("53.07.01.2021", "Regapu’u")],
            csv.ReadWithDuckDB("header = true, all_varchar = true", "region_code").Select(r => ((string)r["region_code"]!, (string)r["region_name"]!)));

        // Excel-id writes region codes as Excel text formulas, ="12.07.28.1007", which other readers see as they are.
        using var excel = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.csv?{Villages}&dialect=excel-id");
        Assert.Equal(
            [("=\"12.07.28.1007\"", "Lubuk Pakam I,II"), ("=\"53.07.01.2021\"", "Regapu’u")],
            excel.ReadWithDuckDB("header = true, delim = ';', all_varchar = true", "region_code").Select(r => ((string)r["region_code"]!, (string)r["region_name"]!)));

        using var parquet = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.parquet?{Villages}");
        Assert.Equal(
            [("12.07.28.1007", "Lubuk Pakam I,II"), ("53.07.01.2021", "Regapu’u")],
            ExportDownload.Query($"SELECT {names} FROM read_parquet('{parquet.Path}') ORDER BY 1").Select(r => ((string)r["region_code"]!, (string)r["region_name"]!)));

        using var arrow = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.arrow?{Villages}");
        var read = await ArrowExportTests.ReadWithNodeAsync(arrow.Path, 5, "region_code=53.07.01.2021");
        var row = Assert.Single(read["rows"]!.AsArray())!;
        Assert.Equal("Regapu’u", row["region_name"]!.GetValue<string>());
        Assert.Equal("53", row["province_code"]!.GetValue<string>());
        Assert.Equal("53.07.01", row["parent_code"]!.GetValue<string>());
        Assert.True(row["is_synthetic"]!.GetValue<bool>());
        Assert.True(row["denominator"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Village_level_without_a_filter_is_refused_unless_all_is_asked_for()
    {
        using var refused = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.csv?level=village");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("unbounded-export", refused.Problem()["type"]!.GetValue<string>().Split(':')[^1]);

        using var head = new HttpRequestMessage(HttpMethod.Head, "/api/v1/export/observations.csv?level=village&all=true");
        using var confirmed = await _client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotNull(confirmed.Headers.ETag);
    }

    [Fact]
    public async Task Rolled_up_villages_equal_the_GraphQL_rollup_and_the_published_parent()
    {
        // The generator's numerators and denominators sum exactly to each parent, so a weighted mean gives it back.
        using var export = await ExportDownload.GetAsync(_client, "/api/v1/export/rollups.parquet?indicator=STUNTING&ancestor=53.07&level=district");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var rows = export.ReadWithDuckDB(orderBy: "parent_code");
        Assert.True(rows.Count > 5);
        foreach (var row in rows.Take(3))
        {
            var rollup = (await _client.PostAsync(
                $"{{ rollup(indicator: \"STUNTING\", parentCode: \"{row["parent_code"]}\", year: 2024) {{ value totalDenominator contributingChildren expectedChildren published {{ value }} }} }}")).Data!["rollup"]!;
            Assert.Equal(rollup["value"]!.GetValue<double>(), (double)row["value"]!, 9);
            Assert.Equal(rollup["totalDenominator"]!.GetValue<double>(), (double)row["total_denominator"]!, 6);
            Assert.Equal(rollup["contributingChildren"]!.GetValue<long>(), (long)row["contributing_children"]!);
            Assert.Equal(rollup["expectedChildren"]!.GetValue<long>(), (long)row["expected_children"]!);
        }
        Assert.All(rows, r =>
        {
            Assert.Equal("district", r["parent_level"]);
            Assert.StartsWith("53.07.", (string)r["parent_code"]!, StringComparison.Ordinal);
            Assert.True((bool)r["is_complete"]!);
            Assert.Equal((double)r["published_value"]!, (double)r["value"]!, 6);
        });
        Assert.Equal(rows.Count, rows.Select(r => r["parent_code"]).Distinct().Count());
    }
}
