using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Queries;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Kencana.Server.Tests.Api;

[Collection(ServerGroup.Name)]
public class ResearcherQueryTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Observations_page_through_a_filter_with_cursors_and_a_total()
    {
        const string Query = """
            query Page($after: String) {
              observations(where: { indicators: ["STUNTING"], ancestorCode: "64", fromYear: 2024 }, orderBy: VALUE_DESCENDING, first: 4, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } nodes { value region { code } source { id } isSynthetic } } }
            """;
        var first = await _client.PostAsync(Query);
        var page = first.Data!["observations"]!;
        Assert.Equal(10, page["totalCount"]!.GetValue<long>()); // 7 kabupaten/kota, three of them with values from two sources
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal([32.0, 27.6, 26.9, 24.8], page["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<double>()));

        var second = await _client.PostAsync(Query, new { after = page["pageInfo"]!["endCursor"]!.GetValue<string>() });
        var next = second.Data!["observations"]!["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<double>()).ToList();
        Assert.Equal([21.9, 21.0, 20.7, 20.6], next);
    }

    [Fact]
    public async Task A_forged_cursor_is_refused()
    {
        var response = await _client.PostAsync("""{ observations(after: "bm90IGEgY3Vyc29y") { totalCount } }""");
        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
    }

    [Fact]
    public async Task Aggregate_groups_measures_and_filters_groups()
    {
        var response = await _client.PostAsync("""
            { aggregate(where: { indicators: ["STUNTING"], ancestorCode: "64", levels: [REGENCY, CITY] }, groupBy: [YEAR],
                        having: [{ measure: COUNT, comparison: AT_LEAST, value: 8 }], orderBy: MEAN, descending: true) {
                year count min max mean median p25 p75 stdDev weightedMean weightedCount isSynthetic sources { id } } }
            """);
        var groups = response.Data!["aggregate"]!.AsArray();
        Assert.Equal([2021, 2022], groups.Select(g => g!["year"]!.GetValue<int>()));
        var y2021 = groups[0]!;
        Assert.Equal(10, y2021["count"]!.GetValue<long>());
        Assert.Equal(23.21, y2021["mean"]!.GetValue<double>(), precision: 9); // (23.6+26.4+25.7+15.8+27.5+27.3+20.3+17.6+21.6+26.3)/10
        Assert.Null(y2021["weightedMean"]); // no denominators were published
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Aggregate_refuses_to_mix_indicators()
    {
        var response = await _client.PostAsync("""{ aggregate(where: { ancestorCode: "64" }, groupBy: [YEAR]) { mean } }""");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("Group by INDICATOR", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Filters_name_the_field_at_fault()
    {
        var response = await _client.PostAsync("""{ observations(where: { regions: ["6402"] }) { totalCount } }""");
        Assert.Equal("INVALID_REGION_CODE", response.FirstErrorCode);
        Assert.Contains("where.regions", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Nested_series_for_all_514_kabupaten_kota_take_a_constant_number_of_SQL_statements()
    {
        const string Query = """
            query All($level: RegionLevel!, $first: Int!) {
              regions(level: $level, first: $first) {
                code parent { name } childCount
                series(indicator: "STUNTING") { points { year value source { id } } targets { year value } } } }
            """;
        async Task<(long Statements, int Regions)> Run(string level, int first)
        {
            var response = await _client.PostAsync(Query, new { level, first });
            Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
            return (response.SqlStatements!.Value, response.Data!["regions"]!.AsArray().Count);
        }

        // Loaded before both runs, so that a load finishing in the background between them cannot change the count.
        server.Services.GetRequiredService<UpperLevelObservations>().Load();
        var kabupaten = await Run("REGENCY", 1000);
        var kota = await Run("CITY", 1000);

        Assert.Equal((416, 98), (kabupaten.Regions, kota.Regions));
        Assert.Equal(kota.Statements, kabupaten.Statements); // the count does not grow with the number of regions
        Assert.InRange(kabupaten.Statements, 1, 10);
        Console.WriteLine($"SQL statements for 416 kabupaten (or 98 kota) with series, parents and child counts: {kabupaten.Statements}");
    }
}
