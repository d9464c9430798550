using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Pooled;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Training;

/// <summary>Trains the model of one indicator: backtests every candidate method, keeps the best, calibrates its
/// intervals on the backtest residuals pooled by level, history length and horizon, and fits the pooled model on the
/// whole panel when the chosen method uses it.</summary>
public static class ModelTrainer
{
    /// <summary>Trains a model on <paramref name="panel"/>.</summary>
    /// <param name="panel">Every series of the indicator.</param>
    /// <param name="dataVersion">The data version the panel came from, kept in the metadata.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="clock">The clock stamping <see cref="ModelMetadata.TrainedAt"/>; null for the system clock.</param>
    public static TrainedModel Train(SeriesPanel panel, int dataVersion, ForecastOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        options ??= new ForecastOptions();
        var outcome = Backtester.Evaluate(panel, options);
        var method = outcome.Report.Chosen;
        PooledModel? pooled = null;
        if (Backtester.UsesPooledModel(method))
        {
            var rows = TrainingRows.From(outcome.Histories, outcome.Anchors, options);
            // The backtest chose it only where it could be fitted; on the whole panel there are at least as many rows.
            pooled = rows.Count > 0 ? PooledModel.Train(rows, PooledBacktest.Settings(options)) : null;
        }
        var metadata = new ModelMetadata(
            ModelMetadata.CurrentFormatVersion,
            dataVersion,
            panel.Indicator,
            method,
            (clock ?? TimeProvider.System).GetUtcNow(),
            panel.Series.Count,
            panel.Series.Sum(s => s.Points.Count),
            options,
            outcome.Report,
            LargestProvinceChange(outcome.Histories));
        var anchors = outcome.Anchors.Histories
            .OrderBy(h => h.Region.Code, StringComparer.Ordinal)
            .Select(h => new AnchorSeries(h.Region, Points(h)))
            .ToArray();
        return new TrainedModel(metadata, outcome.CalibrationFor(method), pooled, anchors, outcome.SurveyChangeFactorFor(method), SeriesNoise.Of(outcome.Histories));
    }

    private static ObservedChange? LargestProvinceChange(IReadOnlyList<TransformedHistory> histories)
    {
        ObservedChange? largest = null;
        foreach (var h in histories.Where(h => h.Region.Level == AdminLevel.Province && h.Lineage is not { HistoryFromPredecessor: true }))
        {
            for (var i = 1; i < h.Count; i++)
            {
                var change = Math.Abs(h.Values[i] - h.Values[i - 1]);
                if (largest is null || change > largest.Change)
                {
                    largest = new ObservedChange(h.Region.Code, h.Years[i - 1], h.Years[i], change);
                }
            }
        }
        return largest;
    }

    private static SeriesPoint[] Points(TransformedHistory history)
    {
        var points = new SeriesPoint[history.Count];
        for (var i = 0; i < history.Count; i++)
        {
            points[i] = new SeriesPoint(history.Years[i], history.Values[i], history.SurveyAt(i));
        }
        return points;
    }
}
