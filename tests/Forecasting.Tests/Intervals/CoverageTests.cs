using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Intervals;

[Collection(PooledModelGroup.Name)]
public sealed class CoverageTests(PooledModelFixture fixture)
{
    // 300 regions x 2 years = 600 held-out values: one binomial standard deviation is 1.6 points at 80% and 0.9 at 95%.
    private const double Tolerance = 0.05;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Intervals_cover_the_held_out_years_at_close_to_their_nominal_rate(bool pooled)
    {
        var forecaster = new Forecaster(pooled ? fixture.Pooled : fixture.Chosen);
        int cases = 0, inside80 = 0, inside95 = 0;
        foreach (var (training, full) in fixture.Training.Series.Zip(fixture.Full.Series))
        {
            var result = forecaster.Forecast(training, horizon: 2);
            foreach (var point in result.Points)
            {
                var actual = full.Points.Single(p => p.Year == point.Year).Value;
                cases++;
                inside80 += point.Interval80.Contains(actual) ? 1 : 0;
                inside95 += point.Interval95.Contains(actual) ? 1 : 0;
            }
        }

        Assert.Equal(600, cases);
        Assert.InRange((double)inside80 / cases, 0.8 - Tolerance, 0.8 + Tolerance);
        Assert.InRange((double)inside95 / cases, 0.95 - Tolerance, 0.95 + Tolerance);
    }

    [Fact]
    public void The_backtest_reports_out_of_sample_coverage_close_to_nominal()
    {
        var chosen = fixture.Chosen.Metadata.Backtest.ChosenScore;

        Assert.InRange(chosen.Coverage80, 0.8 - Tolerance, 0.8 + Tolerance);
        Assert.InRange(chosen.Coverage95, 0.95 - Tolerance, 0.95 + Tolerance);
    }
}
