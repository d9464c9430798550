namespace Kencana.Forecasting.Intervals;

/// <summary>The typical scatter of a level group's series around their own trend lines, which a series' own scatter is
/// measured against.</summary>
/// <param name="Group">The level group.</param>
/// <param name="ResidualSd">The pooled model-space residual standard deviation: √(Σ squared residuals / Σ degrees of
/// freedom) over the group's series of three points or more.</param>
/// <param name="DegreesOfFreedom">How many degrees of freedom stand behind it.</param>
internal sealed record NoiseReference(PoolGroup Group, double ResidualSd, int DegreesOfFreedom);
