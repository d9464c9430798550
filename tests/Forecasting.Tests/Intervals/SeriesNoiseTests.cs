using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Intervals;

/// <summary>Intervals follow each series' own noise: the synthetic regencies differ in noise threefold, and one width
/// per pool would over-cover the quiet ones and under-cover the noisy ones.</summary>
[Collection(PooledModelGroup.Name)]
public sealed class SeriesNoiseTests(PooledModelFixture fixture)
{
    // 100 regions x 2 years per third: one binomial standard deviation is 2.8 points at 80%.
    private const double Tolerance = 0.09;

    [Fact]
    public void Noisier_series_get_wider_intervals_and_each_third_covers_close_to_nominal()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var byScatter = fixture.Training.Series.Zip(fixture.Full.Series)
            .OrderBy(p => Scatter(p.First))
            .ToArray();
        var third = byScatter.Length / 3;
        var quiet = Score(forecaster, byScatter.Take(third));
        var noisy = Score(forecaster, byScatter.Skip(byScatter.Length - third));

        Assert.True(noisy.Width80 > 1.3 * quiet.Width80, $"noisiest third's mean 80% width {noisy.Width80:0.00} against the quietest's {quiet.Width80:0.00}");
        Assert.InRange(quiet.Coverage80, 0.8 - Tolerance, 0.8 + Tolerance);
        Assert.InRange(noisy.Coverage80, 0.8 - Tolerance, 0.8 + Tolerance);
    }

    [Fact]
    public void A_series_scattered_around_its_trend_gets_wider_intervals_than_one_on_the_line()
    {
        var forecaster = new Forecaster(fixture.Chosen);
        var region = new RegionIdentity("SYNTHETIC.9999", AdminLevel.Regency, "SYNTHETIC00");
        double[] line = [30, 29, 28, 27, 26, 25, 24, 23];
        double[] zigzag = [31.5, 27.5, 29.5, 25.5, 27.5, 23.5, 25.5, 23];
        Series Of(double[] values) => new(SyntheticPanels.Stunting, region, values.Select((v, i) => new SeriesPoint(2015 + i, v)));

        var smooth = forecaster.Forecast(Of(line), horizon: 2);
        var scattered = forecaster.Forecast(Of(zigzag), horizon: 2);

        Assert.All(smooth.Points.Zip(scattered.Points), p => Assert.True(
            p.Second.Interval80.Width > 1.5 * p.First.Interval80.Width,
            $"{p.First.Year}: scattered {p.Second.Interval80.Width:0.00} is not half as wide again as smooth {p.First.Interval80.Width:0.00}"));
    }

    private static double Scatter(Series series)
    {
        var years = series.Points.Select(p => p.Year).ToArray();
        var z = series.Points.Select(p => Math.Log(p.Value / (100 - p.Value))).ToArray();
        return LinearFit.Of(years, z).ResidualSd;
    }

    private static (double Width80, double Coverage80) Score(Forecaster forecaster, IEnumerable<(Series Training, Series Full)> pairs)
    {
        int cases = 0, inside = 0;
        double width = 0;
        foreach (var (training, full) in pairs)
        {
            foreach (var point in forecaster.Forecast(training, horizon: 2).Points)
            {
                cases++;
                width += point.Interval80.Width;
                inside += point.Interval80.Contains(full.Points.Single(p => p.Year == point.Year).Value) ? 1 : 0;
            }
        }
        return (width / cases, (double)inside / cases);
    }
}
