using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;

namespace Kencana.Forecasting.Backtesting;

/// <summary>One scored forecast of a rolling-origin backtest: from the first <see cref="OriginCount"/> points of a
/// series to one of its later observations.</summary>
/// <param name="Series">The series' index in the panel.</param>
/// <param name="OriginCount">How many points were known at the origin.</param>
/// <param name="OriginYear">The year of the origin's last point.</param>
/// <param name="Horizon">Years from the origin's last point to the target year.</param>
/// <param name="Class">The history class of the origin.</param>
/// <param name="Level">The region's administrative level.</param>
/// <param name="SurveyChange">True when the outcome comes from another survey family than the origin's last value.</param>
/// <param name="ActualZ">The observed value in model space.</param>
/// <param name="ActualValue">The observed value.</param>
/// <param name="LastValue">The origin's last value: the naive forecast, in the indicator's unit.</param>
/// <param name="Scale">The series' MASE scale (mean absolute yearly change), NaN when it has none.</param>
/// <param name="Noise">The origin's <see cref="SeriesNoise"/> factor: its residual is pooled divided by it, and its
/// interval scaled by it.</param>
/// <param name="Fold">The region group the case is scored in, for out-of-sample interval calibration.</param>
internal readonly record struct BacktestCase(
    int Series,
    int OriginCount,
    int OriginYear,
    int Horizon,
    HistoryClass Class,
    AdminLevel Level,
    bool SurveyChange,
    double ActualZ,
    double ActualValue,
    double LastValue,
    double Scale,
    double Noise,
    int Fold)
{
    /// <summary>The pool the case's residual calibrates.</summary>
    public PoolGroup Group => PoolGroups.Of(Level);
}
