using Kencana.Forecasting.Input;
using Kencana.Forecasting.Tests.Infrastructure;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests;

[Collection(PooledModelGroup.Name)]
public sealed class SparseSeriesTests(PooledModelFixture fixture)
{
    [Fact]
    public void A_one_point_series_gets_a_low_reliability_forecast_no_narrower_than_a_long_series_and_a_warning()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var full = fixture.Training.Series[0];
        var onePoint = new Series(full.Indicator, new RegionIdentity("SYNTHETIC.ONE", full.Region.Level, full.Region.ProvinceCode), [full.Latest]);

        var sparse = forecaster.Forecast(onePoint, horizon: 3);
        var rich = forecaster.Forecast(full, horizon: 3);

        Assert.Equal(Reliability.Low, sparse.Reliability);
        Assert.Contains(sparse.Warnings, w => w.Kind == WarningKind.SinglePoint);
        Assert.All(sparse.Points.Zip(rich.Points), p => Assert.True(p.First.Interval95.Width >= p.Second.Interval95.Width,
            $"{p.First.Interval95} is narrower than the eight-point series' {p.Second.Interval95}"));
    }

    [Fact]
    public void A_two_point_series_never_extends_its_slope_unshrunk_and_says_so()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var series = new Series(SyntheticPanels.Stunting, new RegionIdentity("SYNTHETIC.TWO", AdminLevel.City, "SYNTHETIC01"),
            [new(2021, 30), new(2023, 26)]);

        var result = forecaster.Forecast(series, horizon: 4);

        Assert.DoesNotContain(result.Method, new[] { ForecastMethod.Drift, ForecastMethod.LogLinear });
        Assert.Equal(Reliability.Low, result.Reliability);
        Assert.Contains(result.Warnings, w => w.Kind == WarningKind.TwoPoints);
        // Drift would fall 2 points a year; whatever the pooled model learned, the forecast falls less.
        Assert.All(result.Points, p => Assert.InRange(26 - p.Median, -2.0 * p.Horizon, (2.0 * p.Horizon) - 0.01));

        // The hierarchical prior alone keeps 2 / (2 + 5) of the slope here, as the panel has no parent series.
        var prior = new Forecaster(ModelTrainer.Train(fixture.Training, 1, PooledModelFixture.Options with { Candidates = [ForecastMethod.Hierarchical] }))
            .Forecast(series, horizon: 4);
        Assert.Equal(ForecastMethod.Hierarchical, prior.Method);
        Assert.All(prior.Points, p => Assert.InRange(26 - p.Median, 0, 0.4 * 2.0 * p.Horizon));
    }

    [Fact]
    public void Suggested_decimals_never_exceed_the_published_ones()
    {
        var result = new Forecaster(fixture.Chosen).Forecast(fixture.Training.Series[1], horizon: 5);

        Assert.InRange(result.SuggestedDecimals, 0, 1);
        var rounded = result.Rounded();
        Assert.All(rounded.Points, p => Assert.Equal(Math.Round(p.Median, result.SuggestedDecimals), p.Median));
    }
}
