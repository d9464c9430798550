using Kencana.Forecasting.Input;
using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests;

[Collection(PooledModelGroup.Name)]
public sealed class SparseSeriesTests(PooledModelFixture fixture)
{
    [Fact]
    public void A_one_point_series_gets_naive_a_wide_interval_and_a_warning()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var full = fixture.Training.Series[0];
        var onePoint = new Series(full.Indicator, new RegionIdentity("SYNTHETIC.ONE", full.Region.Level, full.Region.ProvinceCode), [full.Latest]);

        var sparse = forecaster.Forecast(onePoint, horizon: 3);
        var rich = forecaster.Forecast(full, horizon: 3);

        Assert.Equal(ForecastMethod.Naive, sparse.Method);
        Assert.All(sparse.Points, p => Assert.Equal(full.Latest.Value, p.Median, 9));
        Assert.Equal(Reliability.Low, sparse.Reliability);
        Assert.Contains(sparse.Warnings, w => w.Kind == WarningKind.SinglePoint);
        // The same latest value, at least half as wide again as the eight-point series' interval.
        Assert.True(sparse.Points[0].Interval95.Width >= 1.5 * rich.Points[0].Interval95.Width,
            $"{sparse.Points[0].Interval95} is not wide next to {rich.Points[0].Interval95}");
    }

    [Fact]
    public void A_two_point_series_gets_drift_and_a_warning()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var series = new Series(SyntheticPanels.Stunting, new RegionIdentity("SYNTHETIC.TWO", AdminLevel.City, "SYNTHETIC01"),
            [new(2021, 30), new(2023, 26)]);

        var result = forecaster.Forecast(series, horizon: 4);

        Assert.Equal(ForecastMethod.Drift, result.Method);
        Assert.Equal(Reliability.Low, result.Reliability);
        Assert.Contains(result.Warnings, w => w.Kind == WarningKind.TwoPoints);
        // Drift goes on falling, in logit space: each year lower than the last, never below zero.
        Assert.True(result.Points.Zip(result.Points.Skip(1)).All(p => p.Second.Median < p.First.Median));
        Assert.True(result.Points[0].Median is < 26 and > 20);
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
