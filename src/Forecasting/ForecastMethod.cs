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

    /// <summary>The pooled gradient-boosted tree model (ML.NET FastTree) trained across every region of the indicator,
    /// one model for all horizons with the horizon as a feature.</summary>
    Global,

    /// <summary>The equal-weight mean of <see cref="DampedTrend"/>, <see cref="Theta"/> and <see cref="Global"/>.</summary>
    Combination,
}
