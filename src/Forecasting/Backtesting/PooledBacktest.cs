using System.Globalization;
using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Pooled;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>The pooled model's side of the backtest. For each origin year Y a model is fitted only on outcomes
/// observed by Y, with anchors cut at each training origin, then scored on the forecasts made at Y: no fold ever learns
/// from the future it is scored on. Where no earlier outcome exists to learn from (the first survey of a panel), the
/// pooled forecast is its hierarchical prior.</summary>
internal static class PooledBacktest
{
    /// <summary>Fills the pooled forecasts of every case and returns the origin years a model could be fitted for.</summary>
    public static IReadOnlyList<int> Run(
        IReadOnlyList<TransformedHistory> histories,
        Anchors anchors,
        RollingOrigins rolling,
        CaseForecasts forecasts,
        ForecastOptions options,
        List<string> notes)
    {
        var originYears = rolling.Cases.Select(c => c.OriginYear).Distinct().OrderDescending().ToArray();
        var fitted = new List<int>();
        var output = forecasts.For(ForecastMethod.Global);
        var prior = forecasts.For(ForecastMethod.Hierarchical);
        for (var k = 0; k < rolling.Cases.Count; k++)
        {
            output[k] = prior[k];
        }
        var mostRows = 0;
        foreach (var year in originYears.Take(options.BacktestOriginYears))
        {
            var rows = TrainingRows.From(histories, anchors, options, lastTargetYear: year);
            mostRows = Math.Max(mostRows, rows.Count);
            if (rows.Count < options.MinimumPooledRows)
            {
                continue;
            }
            var model = PooledModel.Train(rows, Settings(options));
            Predict(model, histories, anchors, rolling, year, output, options);
            fitted.Add(year);
        }
        notes.Add(fitted.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The pooled model was refitted for each of the {fitted.Count} origin years {string.Join(", ", fitted.Order())} on outcomes up to that year only; at other origins it is its hierarchical prior.")
            : string.Create(CultureInfo.InvariantCulture, $"The pooled model was not fitted: the panel gives at most {mostRows} training rows before an origin, fewer than the {options.MinimumPooledRows} required; it is its hierarchical prior throughout."));
        return fitted;
    }

    public static PooledModelSettings Settings(ForecastOptions options) => new(options.Seed, options.PooledL2Grid, options.PooledIterations);

    private static void Predict(
        PooledModel model, IReadOnlyList<TransformedHistory> histories, Anchors anchors, RollingOrigins rolling, int year, double[] output, ForecastOptions options)
    {
        var rows = new List<PooledFeatures>();
        var targets = new List<(int Case, double Prior, double Stretch)>();
        foreach (var origin in rolling.Origins)
        {
            var first = rolling.Cases[origin.FirstCase];
            if (first.OriginYear != year)
            {
                continue;
            }
            var history = histories[origin.Series].Prefix(origin.Count);
            var features = OriginFeatures.Of(history, anchors.At(history), options);
            for (var i = origin.FirstCase; i < origin.FirstCase + origin.CaseCount; i++)
            {
                var c = rolling.Cases[i];
                var (horizon, stretch) = PooledHorizon.Clamp(c.Horizon, model.MaxHorizon);
                rows.Add(features.ForHorizon(horizon, c.SurveyChange));
                targets.Add((i, features.Prior.At(c.Horizon), stretch));
            }
        }
        var predictions = model.Predict(rows, explain: false);
        for (var k = 0; k < targets.Count; k++)
        {
            output[targets[k].Case] = targets[k].Prior + (targets[k].Stretch * predictions[k].Change);
        }
    }
}
