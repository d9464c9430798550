using Kencana.Server.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Kencana.Server.Tests.Api;

[Collection(ServerGroup.Name)]
public class PlannerQueryTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Achievement_ranks_the_Kaltim_kabupaten_kota_with_a_2022_value_against_the_national_target()
    {
        var response = await _client.PostAsync("""
            { achievement(indicator: "STUNTING", year: 2022, parentCode: "64") {
                achievedCount
                rows { rank region { code name } value { value source { id } } target { value plan } targetRegionCode targetIsInherited gap achieved }
                regionsWithoutValue { code } } }
            """);
        var achievement = response.Data!["achievement"]!;
        var rows = achievement["rows"]!.AsArray();
        Assert.Equal(9, rows.Count);
        Assert.Equal(("64.11", 1), (rows[0]!["region"]!["code"]!.GetValue<string>(), rows[0]!["rank"]!.GetValue<int>())); // Mahakam Ulu 14.8, lowest stunting
        Assert.Equal(["64.07"], achievement["regionsWithoutValue"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
        // Berau and Bontang both have 21.0: a shared rank, and 21.0 meets the target of 21 for a lower-is-better indicator.
        Assert.All(rows.Where(r => r!["value"]!["value"]!.GetValue<double>() == 21.0), r => Assert.Equal((3, true), (r!["rank"]!.GetValue<int>(), r["achieved"]!.GetValue<bool>())));
        Assert.Equal(4, achievement["achievedCount"]!.GetValue<int>());
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Achievement_with_a_level_ranks_the_regions_of_that_level_anywhere_below_the_parent()
    {
        // Every kabupaten/kota of Indonesia: the nation's children are provinces, its kabupaten are below them.
        var regencies = (await _client.PostAsync("""
            { achievement(indicator: "STUNTING", year: 2022, parentCode: "0", level: REGENCY) { rows { region { code level } } regionsWithoutValue { code } } }
            """)).Data!["achievement"]!;
        var ranked = regencies["rows"]!.AsArray().Select(r => r!["region"]!).ToList();
        Assert.True(ranked.Count > 100, $"only {ranked.Count} kabupaten ranked");
        Assert.Equal(416, ranked.Count + regencies["regionsWithoutValue"]!.AsArray().Count); // Indonesia's kabupaten
        Assert.All(ranked, r => Assert.Equal("REGENCY", r!["level"]!.GetValue<string>()));
        Assert.Contains(ranked, r => r!["code"]!.GetValue<string>() == "64.01");

        // Every kecamatan of Kalimantan Timur: the seed has no values for them, so all are listed as without a value.
        var districts = (await _client.PostAsync("""
            { achievement(indicator: "STUNTING", year: 2022, parentCode: "64", level: DISTRICT) { rows { rank } regionsWithoutValue { code } } }
            """)).Data!["achievement"]!;
        var without = districts["regionsWithoutValue"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();
        Assert.Empty(districts["rows"]!.AsArray());
        Assert.True(without.Count > 50, $"only {without.Count} kecamatan in scope");
        Assert.All(without, code => Assert.Matches(@"^64\.\d{2}\.\d{2}$", code));

        // Without a level, a parent still means its direct children.
        var children = (await _client.PostAsync("""{ achievement(indicator: "STUNTING", year: 2022, parentCode: "0") { rows { region { level } } } }""")).Data!["achievement"]!;
        Assert.All(children["rows"]!.AsArray(), r => Assert.Equal("PROVINCE", r!["region"]!["level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Scorecard_shows_Bontangs_indicators_against_their_targets()
    {
        var response = await _client.PostAsync("""
            { scorecard(region: "64.74", year: 2023) {
                region { name } targetsAssessed targetsMet allTargetsMet
                lines { indicator { code } value { value source { id } } target { value plan } targetRegionCode gap achieved } } }
            """);
        var scorecard = response.Data!["scorecard"]!;
        var codes = scorecard["lines"]!.AsArray().Select(l => l!["indicator"]!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["ACTIVE_FP", "IBANGGA", "MKJP_SHARE", "MUKP", "PROGRAM_INFO", "UNMET_NEED"], codes);
        Assert.False(scorecard["allTargetsMet"]!.GetValue<bool>()); // unmet need 14.8 against the national 7.70
        Snapshot.Match(GraphQLClient.Pretty(response.Body));
    }

    [Fact]
    public async Task Which_Kaltim_kabupaten_kota_met_all_their_targets_is_one_query()
    {
        var response = await _client.PostAsync("""{ regions(parentCode: "64") { code scorecard(year: 2022) { allTargetsMet targetsAssessed } } }""");
        var allMet = response.Data!["regions"]!.AsArray()
            .Where(r => r!["scorecard"]!["allTargetsMet"]?.GetValue<bool>() == true)
            .Select(r => r!["code"]!.GetValue<string>());
        Assert.Equal(["64.03", "64.11", "64.71"], allMet);
    }

    [Fact]
    public async Task Compare_puts_regions_side_by_side_and_names_unknown_ones()
    {
        var response = await _client.PostAsync("""{ compare(indicator: "STUNTING", regions: ["64.71", "64.74"], years: [2021, 2022]) { region { code } points { year value } } }""");
        var series = response.Data!["compare"]!.AsArray();
        Assert.Equal([17.6, 19.6], series[0]!["points"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()));
        Assert.Equal([26.3, 21.0], series[1]!["points"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()));

        var unknown = await _client.PostAsync("""{ compare(indicator: "STUNTING", regions: ["64.74", "64.99"]) { region { code } } }""");
        Assert.Equal("UNKNOWN_REGION", unknown.FirstErrorCode);
        Assert.Contains("'64.99'", unknown.FirstErrorMessage);
    }

    [Fact]
    public async Task Achievement_without_a_scope_is_refused()
    {
        var response = await _client.PostAsync("""{ achievement(indicator: "STUNTING", year: 2022) { achievedCount } }""");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }
}
