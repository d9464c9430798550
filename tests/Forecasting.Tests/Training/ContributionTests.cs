using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Training;

[Collection(PooledModelGroup.Name)]
public sealed class ContributionTests(PooledModelFixture fixture)
{
    private static readonly string[] Features =
    [
        "Horizon", "LastValue", "RelativeToParent", "RelativeToNation", "OwnTrendChange", "ParentTrendChange",
        "NationalTrendChange", "PriorChange", "PointCount", "LastGap", "SurveyChanged", "SurveyAhead", "LastSurvey",
        "RegionLevel",
    ];

    [Fact]
    public void Pooled_forecasts_explain_themselves_with_their_largest_feature_contributions()
    {
        var result = new Forecaster(fixture.Pooled).Forecast(fixture.Training.Series[5], horizon: 3);

        Assert.Equal(ForecastMethod.Global, result.Method);
        Assert.All(result.Points, p =>
        {
            Assert.InRange(p.Contributions.Count, 1, PooledModelFixture.Options.TopContributions);
            Assert.All(p.Contributions, c => Assert.Contains(c.Feature, Features));
            var sizes = p.Contributions.Select(c => Math.Abs(c.Effect)).ToArray();
            Assert.Equal(sizes.OrderDescending(), sizes);
        });
    }
}
