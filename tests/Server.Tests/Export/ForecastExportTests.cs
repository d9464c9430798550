using System.Net;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>The computed datasets forecasts and outlooks: the GraphQL API's numbers, in every format, region codes as text.</summary>
[Collection(ServerGroup.Name)]
public class ForecastExportTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Forecasts_have_the_numbers_of_GraphQL_forecast()
    {
        using var csv = await ExportDownload.GetAsync(_client, "/api/v1/export/forecasts.csv?indicator=STUNTING&region=64.74&targetYear=2029");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var rows = csv.ReadWithDuckDB("header = true, types = {'region_code': 'VARCHAR', 'parent_code': 'VARCHAR', 'province_code': 'VARCHAR', 'target_region_code': 'VARCHAR'}", orderBy: "year");
        var graphql = await _client.PostAsync("""
            { forecast(indicator: "STUNTING", region: "64.74", targetYear: 2029) {
                method reliability points { year value lower80 upper80 lower95 upper95 }
                outlook { target probability currentAarr requiredAarr crossingYear onTrack } } }
            """);
        var forecast = graphql.Data!["forecast"]!;
        var points = forecast["points"]!.AsArray();
        Assert.Equal(points.Count, rows.Count);
        foreach (var (row, point) in rows.Zip(points))
        {
            Assert.Equal("64.74", row["region_code"]);
            Assert.Equal(point!["year"]!.GetValue<int>(), Convert.ToInt32(row["year"], System.Globalization.CultureInfo.InvariantCulture));
            foreach (var name in new[] { "value", "lower80", "upper80", "lower95", "upper95" })
            {
                Assert.Equal(point[name]!.GetValue<double>(), (double)row[name]!);
            }
            Assert.Equal(forecast["method"]!.GetValue<string>(), row["method"]);
            Assert.Equal(forecast["reliability"]!.GetValue<string>(), row["reliability"]);
            Assert.Equal(forecast["outlook"]!["target"]!.GetValue<double>(), (double)row["target"]!);
            Assert.Equal(forecast["outlook"]!["probability"]!.GetValue<double>(), (double)row["probability"]!);
            Assert.Equal(forecast["outlook"]!["requiredAarr"]!.GetValue<double>(), (double)row["required_aarr"]!);
        }
    }

    [Fact]
    public async Task Outlooks_are_GraphQL_outlooks_in_its_order_and_carry_region_codes_as_text_in_Parquet_and_Arrow()
    {
        const string Query = "indicator=STUNTING&parent=64&targetYear=2029";
        var graphql = await _client.PostAsync("""{ outlooks(indicator: "STUNTING", parentCode: "64", targetYear: 2029) { region { code } outlook { probability } } }""");
        var expected = graphql.Data!["outlooks"]!.AsArray().Select(o => o!["region"]!["code"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(expected);

        using var parquet = await ExportDownload.GetAsync(_client, $"/api/v1/export/outlooks.parquet?{Query}");
        Assert.Equal(HttpStatusCode.OK, parquet.Status);
        Assert.Equal("VARCHAR", parquet.DescribeWithDuckDB()["region_code"]);
        var rows = parquet.ReadWithDuckDB(orderBy: "rank");
        Assert.Equal(expected, rows.Select(r => (string)r["region_code"]!));
        Assert.Equal(Enumerable.Range(1, expected.Count), rows.Select(r => Convert.ToInt32(r["rank"], System.Globalization.CultureInfo.InvariantCulture)));

        using var arrow = await ExportDownload.GetAsync(_client, $"/api/v1/export/outlooks.arrow?{Query}");
        Assert.Equal(HttpStatusCode.OK, arrow.Status);
        Assert.Equal("application/vnd.apache.arrow.stream", arrow.Response.Content.Headers.ContentType?.MediaType);
        using var csv = await ExportDownload.GetAsync(_client, $"/api/v1/export/outlooks.csv?{Query}");
        Assert.Equal(expected.Count + 1, System.Text.Encoding.UTF8.GetString(csv.Body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task An_unchanged_forecast_export_revalidates_to_304()
    {
        using var first = await ExportDownload.GetAsync(_client, "/api/v1/export/forecasts.csv?indicator=STUNTING&parent=64");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        using var again = await ExportDownload.GetAsync(_client, "/api/v1/export/forecasts.csv?indicator=STUNTING&parent=64", first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [Theory]
    [InlineData("forecasts.csv?parent=64", "indicator")]
    [InlineData("forecasts.csv?indicator=STUNTING", "parent")]
    [InlineData("outlooks.csv?indicator=STUNTING&parent=64", "targetYear")]
    [InlineData("outlooks.csv?indicator=STUNTING&parent=64&targetYear=20290", "targetYear")]
    [InlineData("outlooks.csv?indicator=STUNTING&region=64.74&targetYear=2029", "region")]
    public async Task A_bad_request_gets_a_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await _client.GetAsync("/api/v1/export/" + url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, problem["parameter"]?.GetValue<string>());
    }
}
