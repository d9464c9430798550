using Kencana.Forecasting.Intervals;

namespace Kencana.Forecasting.Backtesting;

/// <summary>Turns a method's backtest residuals into a <see cref="Calibration"/>.</summary>
internal static class ResidualPools
{
    /// <summary>The calibration of <paramref name="method"/> from every case it forecast, leaving out the cases of
    /// <paramref name="excludedFold"/> when scoring that fold out of sample.</summary>
    public static Calibration For(ForecastMethod method, IReadOnlyList<BacktestCase> cases, CaseForecasts forecasts, int? excludedFold = null)
    {
        var pools = new Dictionary<(PoolGroup Group, HistoryClass Class, int Horizon), List<double>>();
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
            var key = (c.Group, c.Class, c.Horizon);
            if (!pools.TryGetValue(key, out var pool))
            {
                pool = [];
                pools[key] = pool;
            }
            // Normalised by the origin's noise factor, so one pool serves quiet and noisy series alike.
            pool.Add((c.ActualZ - center) / c.Noise);
        }
        return new Calibration(pools.Select(p => new CalibrationEntry(p.Key.Group, p.Key.Class, p.Key.Horizon, p.Value)));
    }

    /// <summary>How much wider <paramref name="method"/>'s errors are across a change of survey (see
    /// <see cref="Calibration.SurveyChangeFactor"/>). Residuals are divided by √horizon first: survey changes fall on
    /// the longer gaps between surveys, and a longer horizon alone errs more.</summary>
    public static double SurveyChangeFactor(ForecastMethod method, IReadOnlyList<BacktestCase> cases, CaseForecasts forecasts) =>
        Calibration.SurveyChangeFactor(cases.Select((c, i) => ((c.ActualZ - forecasts.Center(method, i)) / (c.Noise * Math.Sqrt(c.Horizon)), c.SurveyChange)));
}
