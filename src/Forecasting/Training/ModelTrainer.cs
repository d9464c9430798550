using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Pooled;

namespace Kencana.Forecasting.Training;

/// <summary>Trains the model of one indicator: backtests every candidate method, keeps the best, calibrates its
/// intervals on the pooled backtest residuals, and fits the pooled model on the whole panel when the chosen method
/// uses it.</summary>
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
        var pooled = Backtester.UsesPooledModel(method)
            ? PooledModel.Train(TrainingRows.From(outcome.Histories, options.MaxHorizon), PooledBacktest.Settings(options))
            : null;
        var metadata = new ModelMetadata(
            ModelMetadata.CurrentFormatVersion,
            dataVersion,
            panel.Indicator,
            method,
            (clock ?? TimeProvider.System).GetUtcNow(),
            panel.Series.Count,
            panel.Series.Sum(s => s.Points.Count),
            options,
            outcome.Report);
        return new TrainedModel(metadata, outcome.CalibrationFor(method), pooled);
    }
}
