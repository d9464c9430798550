using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Training;

/// <summary>What a trained model was trained on and how well it backtested; saved beside the model so a cached model
/// can be checked against the data before it is used.</summary>
/// <param name="FormatVersion">The layout of the saved archive; <see cref="TrainedModel.Load"/> refuses others.</param>
/// <param name="DataVersion">The warehouse data version the panel came from, as the caller numbers it.</param>
/// <param name="Indicator">The indicator the model forecasts.</param>
/// <param name="Method">The method the backtest chose.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="SeriesCount">How many series the panel had.</param>
/// <param name="PointCount">How many observations they had together.</param>
/// <param name="Options">The settings it was trained with.</param>
/// <param name="Backtest">The backtest that chose the method.</param>
/// <param name="LargestProvinceChange">The largest change any province showed between two consecutive surveys, or
/// null when the panel has no province with two points: a short series projecting more gets a warning.</param>
public sealed record ModelMetadata(
    int FormatVersion,
    int DataVersion,
    IndicatorProfile Indicator,
    ForecastMethod Method,
    DateTimeOffset TrainedAt,
    int SeriesCount,
    int PointCount,
    ForecastOptions Options,
    BacktestReport Backtest,
    ObservedChange? LargestProvinceChange)
{
    /// <summary>The archive layout this library writes (2: hierarchical anchors, survey factor, level scores; 3:
    /// residual pools normalised by each series' noise, and the groups' noise references).</summary>
    public const int CurrentFormatVersion = 3;
}
