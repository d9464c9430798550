using Kencana.Forecasting;
using Kencana.Server.Forecasting;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Forecasting;

/// <summary>Forecasts of every region of the real seed's stunting panel, through the server's own inputs (lineage
/// applied) and model.</summary>
[Collection(ServerGroup.Name)]
public sealed class SeedForecastTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    private (ForecastService Service, IReadOnlyList<Region> Regions, Indicator Stunting) Services()
    {
        var services = server.Services;
        var registry = services.GetRequiredService<ModelRegistry>();
        var model = registry.Get("STUNTING");
        var stunting = services.GetRequiredService<IndicatorCatalog>().Find("STUNTING")!;
        var inputs = services.GetRequiredService<ForecastPanels>().Get(ForecastInputs.Profile(stunting), model.Metadata.DataVersion);
        var regions = services.GetRequiredService<RegionDirectory>().FindMany(inputs.Keys).Values.OrderBy(r => r.Code).ToArray();
        return (services.GetRequiredService<ForecastService>(), regions, stunting);
    }

    [Fact]
    public void No_interval_narrows_as_the_horizon_grows_for_any_region_of_the_seed()
    {
        var (service, regions, stunting) = Services();
        Assert.True(regions.Count > 200, $"the seed's stunting panel should cover over 200 regions; it has {regions.Count}");
        foreach (var region in regions)
        {
            // As the API answers: rounded to the decimals the data support (widths are differences of rounded bounds).
            var points = service.Forecast(stunting, region, horizon: 10, targetYear: null, targetValue: null).Result.Points;
            foreach (var (shorter, longer) in points.Zip(points.Skip(1)))
            {
                Assert.True(longer.Interval80.Width >= shorter.Interval80.Width - 1e-9, $"{region.Code}: the 80% interval narrows from {shorter.Year} ({shorter.Interval80}) to {longer.Year} ({longer.Interval80})");
                Assert.True(longer.Interval95.Width >= shorter.Interval95.Width - 1e-9, $"{region.Code}: the 95% interval narrows from {shorter.Year} ({shorter.Interval95}) to {longer.Year} ({longer.Interval95})");
            }
        }
    }

    [Fact]
    public void No_two_point_series_changes_more_than_any_province_did_between_two_surveys_without_a_warning()
    {
        var (service, regions, stunting) = Services();
        var checkedCount = 0;
        foreach (var region in regions)
        {
            var answer = service.Forecast(stunting, region, horizon: 8, targetYear: null, targetValue: null);
            var largest = answer.Model.LargestProvinceChange!;
            if (answer.Result.Warnings.Any(w => w.Kind is WarningKind.SinglePoint) || !answer.Result.Warnings.Any(w => w.Kind is WarningKind.TwoPoints))
            {
                continue;
            }
            checkedCount++;
            var moved = answer.Result.Points.Max(p => Math.Abs(p.Median - answer.Result.Latest.Value));
            Assert.True(moved <= largest.Change || answer.Result.Warnings.Any(w => w.Kind == WarningKind.ChangeBeyondObserved),
                $"{region.Code} moves {moved:0.0} from two points without a warning (largest province change {largest.Change:0.0})");
        }
        Assert.True(checkedCount > 40, $"only {checkedCount} two-point series were checked");
    }

    [Fact]
    public async Task A_province_created_by_the_2022_split_of_Papua_says_how_its_history_was_built()
    {
        var response = await _client.PostAsync("""
            { forecast(indicator: "STUNTING", region: "93", horizon: 3) {
                reliability lineage latestYear latestValue projectedSurvey warnings { kind message } points { year value lower95 upper95 } } }
            """);
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        var forecast = response.Data!["forecast"]!;
        Assert.Equal("LOW", forecast["reliability"]!.GetValue<string>());
        var lineage = forecast["lineage"]!.GetValue<string>();
        Assert.Contains("Papua Selatan (93) was formed in 2022 from Papua (91)", lineage, StringComparison.Ordinal);
        Assert.Contains("no published value of its own", lineage, StringComparison.Ordinal);
        // Papua's SSGI 2022 value, as the old province measured it.
        Assert.Equal((2022, 34.6), (forecast["latestYear"]!.GetValue<int>(), forecast["latestValue"]!.GetValue<double>()));
        Assert.Equal("SSGI", forecast["projectedSurvey"]!.GetValue<string>());
        Assert.Contains(forecast["warnings"]!.AsArray(), w => w!["kind"]!.GetValue<string>() == "BOUNDARY_CHANGE");

        // Papua itself kept code 91 on a smaller territory: its values describe the old province, and it says so.
        var papua = (await _client.PostAsync("""{ forecast(indicator: "STUNTING", region: "91") { reliability lineage } }""")).Data!["forecast"]!;
        Assert.Equal("LOW", papua["reliability"]!.GetValue<string>());
        Assert.Contains("describes the old province", papua["lineage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forecast_widens_its_intervals_when_the_next_reading_comes_from_another_survey()
    {
        const string Query = """
            query ($next: String) { forecast(indicator: "STUNTING", region: "32", horizon: 2, nextSurvey: $next) {
                projectedSurvey warnings { kind } points { lower95 upper95 } } }
            """;
        var same = (await _client.PostAsync(Query, new { next = (string?)null })).Data!["forecast"]!;
        var other = (await _client.PostAsync(Query, new { next = "SKI 2023" })).Data!["forecast"]!;

        Assert.Equal("SSGI", same["projectedSurvey"]!.GetValue<string>());
        Assert.Equal("SKI 2023", other["projectedSurvey"]!.GetValue<string>());
        Assert.Contains(other["warnings"]!.AsArray(), w => w!["kind"]!.GetValue<string>() == "SURVEY_CHANGE_AHEAD");
        // Jawa Barat's history runs Riskesdas 2013, Riskesdas 2018, SSGI 2021, SSGI 2022: the forecast says it mixes surveys.
        Assert.Contains(same["warnings"]!.AsArray(), w => w!["kind"]!.GetValue<string>() == "MIXED_SURVEYS");
        static double Width(System.Text.Json.Nodes.JsonNode? p) => p!["upper95"]!.GetValue<double>() - p["lower95"]!.GetValue<double>();
        Assert.True(Width(other["points"]![0]) > Width(same["points"]![0]));
    }

    [Fact]
    public async Task An_outlook_without_a_target_says_why_and_names_the_plan_targets_that_exist()
    {
        var response = await _client.PostAsync("""
            { forecast(indicator: "UNMET_NEED", region: "64.74", targetYear: 2029) { outlook { probability } outlookNote planTargets { year value plan } } }
            """);
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        var forecast = response.Data!["forecast"]!;
        Assert.Null(forecast["outlook"]);
        var note = forecast["outlookNote"]!.GetValue<string>();
        Assert.Contains("no UNMET_NEED target for 2029", note, StringComparison.Ordinal);
        Assert.Contains("national 2024 7.4 (RPJMN 2020-2024)", note, StringComparison.Ordinal);
        Assert.Contains(forecast["planTargets"]!.AsArray(), t => t!["year"]!.GetValue<int>() == 2024 && t["value"]!.GetValue<double>() == 7.4);
    }

    [Fact]
    public async Task Unmet_need_outlooks_work_against_the_national_plan_target_and_flag_low_reliability()
    {
        var response = await _client.PostAsync("""
            { outlooks(indicator: "UNMET_NEED", parentCode: "64", targetYear: 2024) {
                region { code } reliability rankNote outlook { target plan targetRegionCode probability } } }
            """);
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        var outlooks = response.Data!["outlooks"]!.AsArray();
        var bontang = Assert.Single(outlooks, o => o!["region"]!["code"]!.GetValue<string>() == "64.74")!;
        Assert.Equal((7.4, "RPJMN 2020-2024", "0"), (bontang["outlook"]!["target"]!.GetValue<double>(), bontang["outlook"]!["plan"]!.GetValue<string>(), bontang["outlook"]!["targetRegionCode"]!.GetValue<string>()));
        // Two points: never ranked as a reliable projection without saying so.
        Assert.Equal("LOW", bontang["reliability"]!.GetValue<string>());
        Assert.Contains("Low reliability", bontang["rankNote"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
