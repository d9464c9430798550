using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Intervals;

[Collection(PooledModelGroup.Name)]
public sealed class MonotoneWidthTests(PooledModelFixture fixture)
{
    [Fact]
    public void No_interval_narrows_as_the_horizon_grows_for_any_region_or_history_length()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        foreach (var full in fixture.Training.Series.Take(60))
        {
            for (var count = 1; count <= full.Points.Count; count += 3)
            {
                var series = new Kencana.Forecasting.Input.Series(full.Indicator, full.Region, full.Points.Take(count));
                var points = forecaster.Forecast(series, horizon: 10).Points;
                foreach (var (shorter, longer) in points.Zip(points.Skip(1)))
                {
                    Assert.True(longer.Interval95.Width >= shorter.Interval95.Width - 1e-9, $"{full.Region.Code} ({count} points): 95% narrows from horizon {shorter.Horizon} to {longer.Horizon}");
                    Assert.True(longer.Interval80.Width >= shorter.Interval80.Width - 1e-9, $"{full.Region.Code} ({count} points): 80% narrows from horizon {shorter.Horizon} to {longer.Horizon}");
                }
            }
        }
    }
}
