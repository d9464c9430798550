namespace Kencana.Forecasting;

/// <summary>The forecasting methods a model chooses among by backtest. All work in the indicator's model space (logit
/// for percentages, log for rates and counts).</summary>
public enum ForecastMethod
{
    /// <summary>The last value, unchanged: the benchmark every other method is scored against.</summary>
    Naive,

    /// <summary>The straight line through the first and last values, extended.</summary>
    Drift,

    /// <summary>Holt's linear trend with a damped slope, so long horizons do not extrapolate a trend for ever.</summary>
    DampedTrend,

    /// <summary>The Theta method: the mean of a least-squares trend and simple exponential smoothing of the series
    /// with its curvature doubled.</summary>
    Theta,

    /// <summary>The UNICEF/WHO stunting projection: ln(value) = a + b year fitted by least squares, the rate applied
    /// to the latest value.</summary>
    LogLinear,

    /// <summary>Partial pooling: the region's own trend shrunk toward its parent's and the nation's by its years of
    /// evidence, and its latest level drawn toward its parent's (regression toward the mean between surveys). Works
    /// from one point on; never extends a two-point slope unshrunk.</summary>
    Hierarchical,

    /// <summary>The pooled ML.NET model (a ridge-regularised linear regression) trained across every region of the
    /// indicator on demographers' features, correcting the <see cref="Hierarchical"/> prior; one model for all
    /// horizons with the horizon as a feature. Where it could not be fitted it is the prior.</summary>
    Global,

    /// <summary>The equal-weight mean of <see cref="DampedTrend"/>, <see cref="Theta"/> and <see cref="Global"/> for
    /// three or more points; <see cref="Global"/> below.</summary>
    Combination,
}
