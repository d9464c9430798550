using System.Globalization;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Pooled;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>The pooled model's side of the backtest. For each of the most recent origin years Y a model is fitted
/// only on outcomes observed by Y, then scored on the forecasts made at Y: no fold ever learns from the future it is
/// scored on.</summary>
internal static class PooledBacktest
{
    /// <summary>Fills the pooled forecasts of the full-history cases of the origin years it could fit, and returns
    /// those years (newest first; empty when the panel is too small for any fit).</summary>
    public static IReadOnlyList<int> Run(
        IReadOnlyList<TransformedHistory> histories,
        RollingOrigins rolling,
        CaseForecasts forecasts,
        ForecastOptions options,
        List<string> notes)
    {
        var originYears = rolling.Cases.Where(c => c.Class == HistoryClass.Full)
            .Select(c => c.OriginYear).Distinct().OrderDescending().ToArray();
        var fitted = new List<int>();
        var mostRows = 0;
        var output = forecasts.For(ForecastMethod.Global);
        foreach (var year in originYears)
        {
            if (fitted.Count == options.BacktestOriginYears)
            {
                break;
            }
            var rows = TrainingRows.From(histories, options.MaxHorizon, lastTargetYear: year);
            mostRows = Math.Max(mostRows, rows.Count);
            if (rows.Count < options.MinimumPooledRows)
            {
                // Earlier years only have fewer outcomes to learn from.
                break;
            }
            var model = PooledModel.Train(rows, Settings(options));
            Predict(model, histories, rolling, year, output);
            fitted.Add(year);
        }
        notes.Add(fitted.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The pooled model was refitted for each of the {fitted.Count} origin years {fitted.Min()}-{fitted.Max()} on outcomes up to that year only; all methods are compared on those origins.")
            : string.Create(CultureInfo.InvariantCulture, $"The pooled model was not fitted: the panel gives at most {mostRows} training rows, fewer than the {options.MinimumPooledRows} required."));
        return fitted;
    }

    public static PooledModelSettings Settings(ForecastOptions options) =>
        new(options.Seed, options.Trees, options.Leaves, options.MinimumRowsPerLeaf, options.LearningRate);

    private static void Predict(PooledModel model, IReadOnlyList<TransformedHistory> histories, RollingOrigins rolling, int year, double[] output)
    {
        var rows = new List<PooledFeatures>();
        var targets = new List<(int Case, double LastZ, double Stretch)>();
        foreach (var origin in rolling.Origins)
        {
            var first = rolling.Cases[origin.FirstCase];
            if (first.Class != HistoryClass.Full || first.OriginYear != year)
            {
                continue;
            }
            var history = histories[origin.Series].Prefix(origin.Count);
            var features = OriginFeatures.Of(history);
            for (var i = origin.FirstCase; i < origin.FirstCase + origin.CaseCount; i++)
            {
                var (horizon, stretch) = PooledHorizon.Clamp(rolling.Cases[i].Horizon, model.MaxHorizon);
                rows.Add(features.ForHorizon(horizon));
                targets.Add((i, history.LastZ, stretch));
            }
        }
        var predictions = model.Predict(rows, explain: false);
        for (var k = 0; k < targets.Count; k++)
        {
            output[targets[k].Case] = targets[k].LastZ + (targets[k].Stretch * predictions[k].Change);
        }
    }
}
