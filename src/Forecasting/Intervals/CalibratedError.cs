namespace Kencana.Forecasting.Intervals;

/// <summary>The error distribution for one forecast horizon, with how it was obtained.</summary>
/// <param name="Distribution">The model-space error distribution.</param>
/// <param name="Quality">How it was obtained.</param>
/// <param name="ResidualCount">How many residuals stand behind it.</param>
/// <param name="FromHorizon">The horizon it was extrapolated from, for <see cref="CalibrationQuality.ExtrapolatedHorizon"/>.</param>
internal sealed record CalibratedError(ErrorDistribution Distribution, CalibrationQuality Quality, int ResidualCount, int? FromHorizon = null);
