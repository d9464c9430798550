using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Api;

[Collection(ServerGroup.Name)]
public class ForecastQueryTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_national_stunting_outlook_for_the_RPJMN_2025_2029_target_is_answerable()
    {
        var response = await _client.PostAsync("""
            { forecast(indicator: "STUNTING", region: "0", targetYear: 2029) {
                method reliability latestYear latestValue
                points { year value lower80 upper80 lower95 upper95 }
                backtest { method mase naiveMase coverage80 coverage95 }
                outlook { target targetYear plan targetRegionCode projectedValue probability currentAarr requiredAarr crossingYear onTrack } } }
            """);
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        var forecast = response.Data!["forecast"]!;
        var outlook = forecast["outlook"]!;
        Assert.Equal(14.2, outlook["target"]!.GetValue<double>());
        Assert.Equal("RPJMN 2025-2029", outlook["plan"]!.GetValue<string>());
        Assert.InRange(outlook["probability"]!.GetValue<double>(), 0, 1);
        Assert.Equal(6.43, outlook["requiredAarr"]!.GetValue<double>(), precision: 2); // 100 [1 - (14.2 / 19.8)^(1/5)]
        Assert.Equal(2029, forecast["points"]!.AsArray()[^1]!["year"]!.GetValue<int>());
        Assert.All(forecast["points"]!.AsArray(), p =>
        {
            Assert.InRange(p!["lower95"]!.GetValue<double>(), 0, p["lower80"]!.GetValue<double>());
            Assert.InRange(p["upper95"]!.GetValue<double>(), p["upper80"]!.GetValue<double>(), 100);
        });
    }

    [Fact]
    public async Task A_two_point_series_is_projected_with_a_warning_and_low_reliability()
    {
        var response = await _client.PostAsync("""{ forecast(indicator: "UNMET_NEED", region: "64.74", horizon: 3) { method reliability warnings { kind message } points { year } } }""");
        var forecast = response.Data!["forecast"]!;
        // Never the two-point slope extended as it is (drift): it is shrunk toward the parent's and the nation's.
        Assert.NotEqual("DRIFT", forecast["method"]!.GetValue<string>());
        Assert.Equal("LOW", forecast["reliability"]!.GetValue<string>());
        Assert.Contains(forecast["warnings"]!.AsArray(), w => w!["kind"]!.GetValue<string>() == "TWO_POINTS");
        Assert.Equal([2024, 2025, 2026], forecast["points"]!.AsArray().Select(p => p!["year"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Outlooks_list_reliable_regions_from_least_to_most_likely_then_the_low_reliability_ones_flagged()
    {
        var response = await _client.PostAsync("""{ outlooks(indicator: "STUNTING", parentCode: "64", targetYear: 2029) { region { code } reliability rankNote outlook { probability target } } }""");
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        var outlooks = response.Data!["outlooks"]!.AsArray();
        Assert.NotEmpty(outlooks);
        var reliable = outlooks.TakeWhile(o => o!["reliability"]!.GetValue<string>() != "LOW").ToList();
        var low = outlooks.Skip(reliable.Count).ToList();
        // Once the low-reliability ones start, no reliable one follows: they never rank as most likely unflagged.
        Assert.All(low, o => Assert.Equal("LOW", o!["reliability"]!.GetValue<string>()));
        Assert.All(low, o => Assert.Contains("Low reliability", o!["rankNote"]!.GetValue<string>(), StringComparison.Ordinal));
        foreach (var group in new[] { reliable, low })
        {
            var probabilities = group.Select(o => o!["outlook"]!["probability"]!.GetValue<double>()).ToList();
            Assert.Equal(probabilities.Order(), probabilities);
        }
    }

    [Fact]
    public async Task A_target_year_already_observed_is_refused_with_the_reason()
    {
        var response = await _client.PostAsync("""{ forecast(indicator: "STUNTING", region: "0", targetYear: 2023) { method } }""");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("not after the latest value (2024)", response.FirstErrorMessage);
    }
}
