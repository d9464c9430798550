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

    /// <summary>True for the methods that read only the series' own history.</summary>
    public static bool IsLocal(ForecastMethod method) => method is ForecastMethod.Naive or ForecastMethod.Drift
        or ForecastMethod.DampedTrend or ForecastMethod.Theta or ForecastMethod.LogLinear;

    /// <summary>The fewest points damped trend, Theta and the combination are used on; below it they stand back for
    /// drift (two points) or naive (one), as the benchmarks they are. The hierarchical and pooled methods work from one
    /// point on.</summary>
    public const int FullHistory = 3;

    /// <summary>The method a backtest scores for <paramref name="method"/> on a history of <paramref name="count"/>
    /// points.</summary>
    public static ForecastMethod Effective(ForecastMethod method, int count) => method switch
    {
        ForecastMethod.Hierarchical or ForecastMethod.Global or ForecastMethod.Naive => method,
        ForecastMethod.Combination => count >= FullHistory ? method : ForecastMethod.Global,
        _ when count == 1 => ForecastMethod.Naive,
        ForecastMethod.Drift or ForecastMethod.LogLinear => method,
        _ => count >= FullHistory ? method : ForecastMethod.Drift,
    };

    /// <summary>The method the forecaster uses: <see cref="Effective"/>, except that a two-point slope is never
    /// extended unshrunk (drift or log-linear on two points): the hierarchical method shrinks it instead.</summary>
    public static ForecastMethod ForForecast(ForecastMethod chosen, int count)
    {
        var effective = Effective(chosen, count);
        return count == 2 && effective is ForecastMethod.Drift or ForecastMethod.LogLinear ? ForecastMethod.Hierarchical : effective;
    }
}
