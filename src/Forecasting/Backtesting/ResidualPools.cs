using Kencana.Forecasting.Intervals;

namespace Kencana.Forecasting.Backtesting;

/// <summary>Turns a method's backtest residuals into a <see cref="Calibration"/>.</summary>
internal static class ResidualPools
{
    /// <summary>The calibration of <paramref name="method"/> from every case it forecast, leaving out the cases of
    /// <paramref name="excludedFold"/> when scoring that fold out of sample.</summary>
    public static Calibration For(ForecastMethod method, IReadOnlyList<BacktestCase> cases, CaseForecasts forecasts, int? excludedFold = null)
    {
        var pools = new Dictionary<(HistoryClass Class, int Horizon), List<double>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            if (c.Fold == excludedFold)
            {
                continue;
            }
            var center = forecasts.Center(method, i);
            if (double.IsNaN(center))
            {
                continue;
            }
            if (!pools.TryGetValue((c.Class, c.Horizon), out var pool))
            {
                pool = [];
                pools[(c.Class, c.Horizon)] = pool;
            }
            pool.Add(c.ActualZ - center);
        }
        return new Calibration(pools.Select(p => new CalibrationEntry(p.Key.Class, p.Key.Horizon, p.Value)));
    }
}
