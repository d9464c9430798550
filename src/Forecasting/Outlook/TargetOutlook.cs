using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Outlook;

/// <summary>Whether a region is on track for a target, read from its forecast distribution.</summary>
/// <param name="Target">The target value and year.</param>
/// <param name="ProjectedValue">The median forecast for the target year.</param>
/// <param name="Probability">The probability that the value in the target year meets the target (at or below it
/// when lower is better, at or above when higher is better), from the same calibrated distribution as the
/// intervals.</param>
/// <param name="CurrentAarr">The AARR of the log-linear fit to the observations (positive is a decline), or null with
/// fewer than two points.</param>
/// <param name="RequiredAarr">The AARR needed from the latest value to reach the target in the target year, or null
/// when the target or latest value is not positive.</param>
/// <param name="CrossingYear">The first year the median path meets the target (the latest observation's year when it
/// already does), or null when it does not within the forecast horizon.</param>
/// <param name="OnTrack">True when the median forecast for the target year meets the target, that is when
/// <see cref="Probability"/> is at least one half.</param>
public sealed record TargetOutlook(
    Target Target,
    double ProjectedValue,
    double Probability,
    double? CurrentAarr,
    double? RequiredAarr,
    int? CrossingYear,
    bool OnTrack)
{
    /// <summary>The outlook with values, probability and AARRs rounded to the given decimals.</summary>
    internal TargetOutlook Rounded(int valueDecimals, int probabilityDecimals, int aarrDecimals) => this with
    {
        ProjectedValue = Math.Round(ProjectedValue, valueDecimals),
        Probability = Math.Round(Probability, probabilityDecimals),
        CurrentAarr = CurrentAarr is { } current ? Math.Round(current, aarrDecimals) : null,
        RequiredAarr = RequiredAarr is { } required ? Math.Round(required, aarrDecimals) : null,
    };
}
