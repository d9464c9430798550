namespace Kencana.Forecasting.Baselines;

/// <summary>Which local method implements a <see cref="ForecastMethod"/>, and what a method becomes on a history too
/// short for it.</summary>
internal static class LocalMethods
{
    public static ILocalMethod For(ForecastMethod method) => method switch
    {
        ForecastMethod.Naive => NaiveMethod.Instance,
        ForecastMethod.Drift => DriftMethod.Instance,
        ForecastMethod.DampedTrend => DampedTrendMethod.Instance,
        ForecastMethod.Theta => ThetaMethod.Instance,
        ForecastMethod.LogLinear => LogLinearMethod.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a local method."),
    };

    /// <summary>The fewest points any method other than naive and drift is used on. Below it a series gets naive (one
    /// point) or drift (two), whatever was chosen: one difference is all the trend two points can show.</summary>
    public const int FullHistory = 3;

    /// <summary>The method actually used for a history of <paramref name="count"/> points.</summary>
    public static ForecastMethod Effective(ForecastMethod chosen, int count) => count switch
    {
        1 => ForecastMethod.Naive,
        2 => ForecastMethod.Drift,
        _ => chosen,
    };
}
