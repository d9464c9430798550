using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Outlook;

namespace Kencana.Forecasting;

/// <summary>A series' forecast: a median and intervals for every year ahead, the target outlook when a target was
/// given, and the caveats. Values are unrounded; <see cref="Rounded"/> gives the precision the data supports.</summary>
/// <param name="IndicatorCode">The indicator forecast.</param>
/// <param name="RegionCode">The region forecast.</param>
/// <param name="Method">The method used for this series: the model's chosen method, or naive or drift for a series
/// too short for it.</param>
/// <param name="ChosenMethod">The method the indicator's backtest chose.</param>
/// <param name="Latest">The latest observation, where the forecast starts.</param>
/// <param name="Points">One forecast per year, from the year after the latest observation.</param>
/// <param name="Outlook">The outlook against the target, when one was given.</param>
/// <param name="Reliability">How far the numbers can be trusted.</param>
/// <param name="Warnings">Why they cannot be trusted further.</param>
/// <param name="SuggestedDecimals">Decimals worth showing: no more than the observations have, and no digit finer
/// than a tenth of the narrowest 80% interval's half-width.</param>
/// <param name="ProjectedSurvey">The survey whose reading the forecast projects: the one named as the next, else the
/// family of the latest value's survey (a forecast from SSGI values projects SSGI readings); null when unknown.</param>
/// <param name="Lineage">How the history crosses a boundary change, when it does.</param>
public sealed record ForecastResult(
    string IndicatorCode,
    string RegionCode,
    ForecastMethod Method,
    ForecastMethod ChosenMethod,
    SeriesPoint Latest,
    IReadOnlyList<ForecastPoint> Points,
    TargetOutlook? Outlook,
    Reliability Reliability,
    IReadOnlyList<ForecastWarning> Warnings,
    int SuggestedDecimals,
    string? ProjectedSurvey = null,
    SeriesLineage? Lineage = null)
{
    /// <summary>The same result with values rounded to <see cref="SuggestedDecimals"/>, probabilities to hundredths
    /// (tenths when reliability is low) and AARRs to hundredths of a percent (tenths when low).</summary>
    public ForecastResult Rounded()
    {
        var d = SuggestedDecimals;
        var coarse = Reliability == Reliability.Low;
        var points = Points.Select(p => p with
        {
            Median = Math.Round(p.Median, d),
            Interval80 = Round(p.Interval80, d),
            Interval95 = Round(p.Interval95, d),
            Contributions = p.Contributions.Select(c => c with { Effect = Math.Round(c.Effect, d + 1) }).ToArray(),
        }).ToArray();
        // Rounding two bounds can take a unit off a width that was not narrower than the year before's: give it back, so
        // rounded widths never shrink either.
        for (var i = 1; i < points.Length; i++)
        {
            points[i] = points[i] with
            {
                Interval80 = NoNarrower(points[i].Interval80, points[i - 1].Interval80, d),
                Interval95 = NoNarrower(points[i].Interval95, points[i - 1].Interval95, d),
            };
        }
        return this with { Points = points, Outlook = Outlook?.Rounded(d, coarse ? 1 : 2, coarse ? 1 : 2) };
    }

    private static PredictionInterval NoNarrower(PredictionInterval interval, PredictionInterval previous, int decimals)
    {
        var missing = Math.Round(previous.Width - interval.Width, decimals);
        if (missing <= 0)
        {
            return interval;
        }
        // Widen downward unless that would cross 0; then upward.
        return interval.Lower - missing >= 0
            ? interval with { Lower = Math.Round(interval.Lower - missing, decimals) }
            : interval with { Upper = Math.Round(interval.Upper + missing, decimals) };
    }

    private static PredictionInterval Round(PredictionInterval interval, int decimals) =>
        interval with { Lower = Math.Round(interval.Lower, decimals), Upper = Math.Round(interval.Upper, decimals) };
}
