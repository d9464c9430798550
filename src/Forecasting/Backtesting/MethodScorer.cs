using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>Scores one method over the compared cases: point errors in the indicator's unit, and intervals scored out
/// of sample, each region group's intervals calibrated on the other groups' residuals exactly as the forecaster would
/// calibrate them.</summary>
internal static class MethodScorer
{
    private const double Level80 = 0.8;
    private const double Level95 = 0.95;

    /// <summary>The out-of-sample calibrations of <paramref name="method"/>, one per fold (each on the other folds'
    /// residuals): computed once and shared by the scores of every level.</summary>
    public static Calibration[] FoldCalibrations(ForecastMethod method, IReadOnlyList<BacktestCase> cases, CaseForecasts forecasts, ForecastOptions options) =>
        Enumerable.Range(0, options.CoverageFolds).Select(f => ResidualPools.For(method, cases, forecasts, excludedFold: f)).ToArray();

    public static MethodScore Score(
        ForecastMethod method,
        IReadOnlyList<int> compared,
        IReadOnlyList<BacktestCase> cases,
        CaseForecasts forecasts,
        ValueTransform transform,
        ForecastOptions options,
        Calibration[] calibrations)
    {
        var errors = new Dictionary<(int Fold, PoolGroup Group, HistoryClass Class, int Horizon), ErrorDistribution>();
        int scored = 0, scaled = 0, inside80 = 0, inside95 = 0;
        double absoluteError = 0, scaledError = 0, smape = 0, winkler80 = 0, winkler95 = 0;
        foreach (var i in compared)
        {
            var c = cases[i];
            var center = forecasts.Center(method, i);
            if (double.IsNaN(center))
            {
                continue;
            }
            var key = (c.Fold, c.Group, c.Class, c.Horizon);
            if (!errors.TryGetValue(key, out var distribution))
            {
                distribution = calibrations[c.Fold].Resolve(c.Group, c.Class, c.Horizon, options.SparseWidening).Distribution;
                errors[key] = distribution;
            }
            var own = distribution.Scaled(c.Noise);
            var forecast = transform.Inverse(center);
            var absolute = Math.Abs(c.ActualValue - forecast);
            scored++;
            absoluteError += absolute;
            if (double.IsFinite(c.Scale))
            {
                scaled++;
                scaledError += absolute / c.Scale;
            }
            var denominator = Math.Abs(c.ActualValue) + Math.Abs(forecast);
            smape += denominator > 0 ? 200 * absolute / denominator : 0;
            var interval80 = PredictionInterval.Around(center, own, Level80, transform);
            var interval95 = PredictionInterval.Around(center, own, Level95, transform);
            inside80 += interval80.Contains(c.ActualValue) ? 1 : 0;
            inside95 += interval95.Contains(c.ActualValue) ? 1 : 0;
            winkler80 += Winkler(interval80, c.ActualValue);
            winkler95 += Winkler(interval95, c.ActualValue);
        }
        return scored == 0
            ? new MethodScore(method, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new MethodScore(
                method,
                scored,
                absoluteError / scored,
                scaled > 0 ? scaledError / scaled : double.NaN,
                smape / scored,
                (double)inside80 / scored,
                (double)inside95 / scored,
                winkler80 / scored,
                winkler95 / scored);
    }

    /// <summary>The Winkler (interval) score: the width, plus 2 / alpha times the distance by which the observation
    /// misses the interval. It rewards narrow intervals only as long as they cover.</summary>
    private static double Winkler(PredictionInterval interval, double actual)
    {
        var alpha = 1 - interval.Level;
        var miss = actual < interval.Lower ? interval.Lower - actual : actual > interval.Upper ? actual - interval.Upper : 0;
        return interval.Width + (2 / alpha * miss);
    }
}
