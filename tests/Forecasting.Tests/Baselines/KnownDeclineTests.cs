using Kencana.Forecasting.Input;
using Kencana.Forecasting.Outlook;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Baselines;

public sealed class KnownDeclineTests
{
    private static readonly IndicatorProfile Stunting = new("STUNTING", UnitKind.Percent, BetterWhen.Lower);

    /// <summary>Exact log-linear declines, value = start x (1 - aarr)^(year - 2015), in synthetic regions.</summary>
    private static Series Decline(string code, double start, double aarr) => new(
        Stunting,
        new RegionIdentity(code, AdminLevel.Regency, "SYNTHETIC00"),
        Enumerable.Range(2015, 10).Select(y => new SeriesPoint(y, start * Math.Pow(1 - aarr, y - 2015))));

    [Fact]
    public void An_exact_log_linear_decline_is_recovered_by_the_backtest_and_the_forecast()
    {
        var target = Decline("SYNTHETIC.0001", 30, 0.05);
        var panel = new SeriesPanel(Stunting,
        [
            target,
            Decline("SYNTHETIC.0002", 40, 0.03),
            Decline("SYNTHETIC.0003", 25, 0.08),
            Decline("SYNTHETIC.0004", 35, 0.02),
        ]);

        var model = ModelTrainer.Train(panel, dataVersion: 1, new ForecastOptions { Seed = 1 });
        var result = new Forecaster(model).Forecast(target, horizon: 5);

        Assert.Equal(ForecastMethod.LogLinear, model.Metadata.Method);
        Assert.Equal(5, Aarr.Current(target.Points)!.Value, 1e-9);
        for (var h = 1; h <= 5; h++)
        {
            // 30 x 0.95^(9 + h): the decline goes on at exactly 5% a year.
            Assert.Equal(30 * Math.Pow(0.95, 9 + h), result.Points[h - 1].Median, 1e-6);
        }
    }
}
