namespace Kencana.Forecasting.Intervals;

/// <summary>The residuals of one level group and history class at one horizon.</summary>
/// <param name="Group">The level group.</param>
/// <param name="Class">The history class.</param>
/// <param name="Horizon">Years after the origin's last observation.</param>
/// <param name="Residuals">Model-space residuals (actual minus forecast).</param>
internal sealed record CalibrationEntry(PoolGroup Group, HistoryClass Class, int Horizon, IReadOnlyList<double> Residuals);
