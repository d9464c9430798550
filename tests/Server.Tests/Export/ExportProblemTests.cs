using System.Net;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

[Collection(ServerGroup.Name)]
public class ExportProblemTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Theory]
    [InlineData("/api/v1/export/nope.csv?indicator=STUNTING", 404, "unknown-dataset", null, "observations")]
    [InlineData("/api/v1/export/observations.xls?indicator=STUNTING", 404, "unknown-format", null, "xlsx")]
    [InlineData("/api/v1/export/observations.xlsx?indicator=STUNTING&lang=fr", 400, "invalid-parameter", "lang", "use id")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&lang=id", 400, "unknown-parameter", "lang", "not a parameter")]
    [InlineData("/api/v1/export/observations", 404, "unknown-format", null, "observations.csv")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTNG", 400, "unknown-indicator", "indicator", "STUNTNG")]
    [InlineData("/api/v1/export/observations.csv?region=99.99", 400, "unknown-region", "region", "99.99")]
    [InlineData("/api/v1/export/observations.csv?region=6474", 400, "invalid-parameter", "region", "BPS code")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&fromYear=20x4", 400, "invalid-years", "fromYear", "20x4")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&toYear=3000", 400, "invalid-years", "toYear", "2100")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&fromYear=2024&toYear=2020", 400, "invalid-years", "fromYear", "after")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&fromYear=2020&fromYear=2021", 400, "invalid-parameter", "fromYear", "once")]
    [InlineData("/api/v1/export/observations.csv?level=village", 400, "unbounded-export", "indicator", "all=true")]
    [InlineData("/api/v1/export/achievement.parquet", 400, "unbounded-export", "indicator", "all=true")]
    [InlineData("/api/v1/export/observations.csv?indicatr=STUNTING", 400, "unknown-parameter", "indicatr", "takes indicator")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&level=kabupaten", 400, "invalid-parameter", "level", "regency")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&granularity=week", 400, "invalid-parameter", "granularity", "quarter")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&preferredOnly=maybe", 400, "invalid-parameter", "preferredOnly", "boolean")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&dialect=lotus", 400, "invalid-parameter", "dialect", "excel-id")]
    [InlineData("/api/v1/export/observations.parquet?indicator=STUNTING&dialect=excel-id", 400, "unknown-parameter", "dialect", "not a parameter")]
    [InlineData("/api/v1/export/rollups.csv?parent=64", 400, "invalid-parameter", "indicator", "name the indicators")]
    [InlineData("/api/v1/export/rollups.csv?indicator=STUNTING&preferredOnly=true", 400, "unknown-parameter", "preferredOnly", "rollups")]
    [InlineData("/api/v1/export/rollups.csv?indicator=STUNTING,TFR&parent=64", 422, "not-additive", "indicator", "TFR (births per woman) does not add up")]
    public async Task Bad_requests_get_a_problem_json_naming_the_parameter(string url, int status, string kind, string? parameter, string detailPart)
    {
        using var response = await ExportDownload.GetAsync(_client, url);
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal("application/problem+json", response.Response.Content.Headers.ContentType?.MediaType);
        var problem = response.Problem();
        Assert.Equal($"urn:kencana:problem:{kind}", problem["type"]!.GetValue<string>());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]!.GetValue<string>()));
        Assert.Contains(detailPart, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(parameter, problem["parameter"]?.GetValue<string>());
    }

    [Fact]
    public async Task All_true_confirms_an_unfiltered_export_and_GraphQL_spellings_are_accepted()
    {
        using var all = await ExportDownload.GetAsync(_client, "/api/v1/export/achievement.csv?all=true");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        using var graphqlNames = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.csv?indicators=STUNTING&parentCode=64&levels=regency,city");
        Assert.Equal(HttpStatusCode.OK, graphqlNames.Status);
        using var ours = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.csv?indicator=STUNTING&parent=64&level=city&level=regency");
        static string[] Lines(byte[] body) => [.. System.Text.Encoding.UTF8.GetString(body).Split("\r\n").Order(StringComparer.Ordinal)];
        Assert.Equal(Lines(graphqlNames.Body), Lines(ours.Body));
        Assert.Equal(graphqlNames.ETag, ours.ETag);
    }
}
