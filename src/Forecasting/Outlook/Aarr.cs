using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Outlook;

/// <summary>The average annual rate of reduction (AARR) as UNICEF and WHO compute it for stunting. A positive AARR is
/// a decline; for an indicator that should rise, a rise shows as a negative AARR.</summary>
public static class Aarr
{
    /// <summary>The current AARR, 100 (1 - e^b), where b is the least-squares slope of ln(value) on year over the
    /// observations; null with fewer than two points or a value of zero.</summary>
    /// <param name="points">The observations.</param>
    public static double? Current(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2 || points.Any(p => p.Value <= 0))
        {
            return null;
        }
        var years = points.Select(p => p.Year).ToArray();
        var logs = points.Select(p => Math.Log(p.Value)).ToArray();
        return FromLogSlope(LinearFit.Of(years, logs).Slope);
    }

    /// <summary>The AARR needed to go from <paramref name="latest"/> to <paramref name="target"/> in
    /// <paramref name="years"/> years: 100 [1 - (target / latest)^(1 / years)]; null when either value is not
    /// positive or no year is left.</summary>
    /// <param name="latest">The latest value.</param>
    /// <param name="target">The target value.</param>
    /// <param name="years">Years from the latest value to the target year.</param>
    public static double? Required(double latest, double target, int years) =>
        latest > 0 && target > 0 && years > 0
            ? 100 * (1 - Math.Pow(target / latest, 1.0 / years))
            : null;

    /// <summary>The AARR of a log-linear slope b: 100 (1 - e^b).</summary>
    /// <param name="slope">The yearly slope of ln(value).</param>
    public static double FromLogSlope(double slope) => 100 * (1 - Math.Exp(slope));
}
