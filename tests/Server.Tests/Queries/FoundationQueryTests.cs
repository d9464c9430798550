using System.Net;
using Kencana.Server.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Kencana.Server.Tests.Queries;

[Collection(ServerGroup.Name)]
public class FoundationQueryTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Series_answers_unmet_need_for_Kota_Bontang_from_its_source()
    {
        var response = await _client.PostAsync("""
            { series(indicator: "UNMET_NEED", region: "64.74") {
                indicator { code } region { code }
                points { year period value isPreferred source { id } }
                targets { year period value } } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var points = response.Data!["series"]!["points"]!.AsArray();
        Assert.Equal([(2022, 15.6), (2023, 14.8)], points.Select(p => (p!["year"]!.GetValue<int>(), p["value"]!.GetValue<double>())));
        Assert.All(points, p => Assert.Equal("SEED_BONTANG_2024", p!["source"]!["id"]!.GetValue<string>()));
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Regions_of_Kalimantan_Timur_are_its_ten_kabupaten_kota()
    {
        var response = await _client.PostAsync("""{ regions(parentCode: "64") { code name level } }""");
        var regions = response.Data!["regions"]!.AsArray();
        Assert.Equal(10, regions.Count);
        Assert.Equal(
            ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"],
            regions.Select(r => r!["code"]!.GetValue<string>()));
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Region_shows_its_parent_and_children()
    {
        var response = await _client.PostAsync("""{ region(code: "64.74") { code name parent { code name } children { code name level } population { total source { id } } } }""");
        var region = response.Data!["region"]!;
        Assert.Equal("64", region["parent"]!["code"]!.GetValue<string>());
        Assert.All(region["children"]!.AsArray(), c => Assert.Equal("DISTRICT", c!["level"]!.GetValue<string>()));
        Assert.Equal(191_811, region["population"]!["total"]!.GetValue<long>());
        Assert.Equal("KEMENDAGRI_2025", region["population"]!["source"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conflicting_sources_are_all_listed_with_the_default_marked()
    {
        var response = await _client.PostAsync("""{ series(indicator: "STUNTING", region: "64.07") { points { year value isPreferred source { id priority } } } }""");
        var points2024 = response.Data!["series"]!["points"]!.AsArray().Where(p => p!["year"]!.GetValue<int>() == 2024).ToList();
        Assert.Equal(2, points2024.Count);
        Assert.Equal("S28", points2024.Single(p => p!["isPreferred"]!.GetValue<bool>())!["source"]!["id"]!.GetValue<string>());
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Series_with_preferred_only_drops_the_alternatives()
    {
        var response = await _client.PostAsync("""{ series(indicator: "STUNTING", region: "64.07", preferredOnly: true) { points { year value } } }""");
        Assert.Single(response.Data!["series"]!["points"]!.AsArray(), p => p!["year"]!.GetValue<int>() == 2024);
    }

    [Fact]
    public async Task Rollup_of_rates_without_denominators_says_why_it_cannot()
    {
        var response = await _client.PostAsync("""{ rollup(indicator: "STUNTING", parentCode: "64", year: 2021) { rule value refusalReason expectedChildren childrenWithoutDenominator published { value source { id } } } }""");
        var rollup = response.Data!["rollup"]!;
        Assert.Null(rollup["value"]);
        Assert.Contains("plain average would be wrong", rollup["refusalReason"]!.GetValue<string>());
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Indicators_and_data_version_describe_the_warehouse()
    {
        var response = await _client.PostAsync("{ indicators { code unit direction rollupRule } dataVersion { number kind } sources { id } }");
        Assert.Equal(13, response.Data!["indicators"]!.AsArray().Count);
        Assert.Equal("seed", response.Data!["dataVersion"]!["kind"]!.GetValue<string>());
        Assert.Contains(response.Data!["sources"]!.AsArray(), s => s!["id"]!.GetValue<string>() == "SEED_BONTANG_2024");
    }

    [Theory]
    [InlineData("""{ series(indicator: "UNMET_NEED", region: "99.99") { points { value } } }""", "UNKNOWN_REGION", "no region with code '99.99'")]
    [InlineData("""{ series(indicator: "UNMET_NEED", region: "6474") { points { value } } }""", "INVALID_REGION_CODE", "looks like a BPS code")]
    [InlineData("""{ series(indicator: "NOPE", region: "64.74") { points { value } } }""", "UNKNOWN_INDICATOR", "there is no indicator 'NOPE'")]
    [InlineData("""{ regions(level: VILLAGE, first: 5000) { code } }""", "PAGE_SIZE_EXCEEDED", "ask for 1 to 1000")]
    public async Task Bad_arguments_get_a_coded_error_that_says_what_and_where(string query, string code, string message)
    {
        var response = await _client.PostAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Contains(message, response.FirstErrorMessage);
    }
}
