using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Hierarchy;

/// <summary>Partial pooling at one forecast origin, in model space: the region's own trend shrunk toward its parent's
/// (or the nation's) by how many years of evidence it has, and its latest level drawn toward its parent's, since much
/// of a region's distance from its parent in one survey is sampling noise that the next survey does not repeat
/// (regression toward the mean).</summary>
/// <param name="OwnSlope">Least-squares slope of the region's own points per year; 0 with one point.</param>
/// <param name="ParentSlope">The parent's own least-squares slope per year up to the origin; 0 when unknown. The prior
/// trend uses it shrunk toward the nation's (see <see cref="PooledSlope"/>).</param>
/// <param name="NationalSlope">The nation's slope per year up to the origin; 0 when unknown.</param>
/// <param name="OwnWeight">The weight of the own slope: span / (span + evidence years); 0 with one point.</param>
/// <param name="Slope">The shrunk slope the forecast extends.</param>
/// <param name="RelativeToParent">The parent's level minus the region's, at the region's latest year.</param>
/// <param name="RelativeToNation">The nation's level minus the region's, at the region's latest year.</param>
/// <param name="Start">The latest level after regression toward the parent: where the forecast path starts.</param>
internal sealed record HierarchicalPrior(
    double OwnSlope,
    double ParentSlope,
    double NationalSlope,
    double OwnWeight,
    double Slope,
    double RelativeToParent,
    double RelativeToNation,
    double Start)
{
    /// <summary>The model-space forecast <paramref name="horizon"/> years after the latest point.</summary>
    public double At(int horizon) => Start + (Slope * horizon);

    public static HierarchicalPrior Of(TransformedHistory history, AnchorView anchors, ForecastOptions options)
    {
        var z = history.Z;
        var years = history.Years;
        var n = history.Count;
        var own = n > 1 ? LinearFit.Of(years, z).Slope : 0;
        var parentSlope = SlopeOf(anchors.Parent);
        var nationalSlope = SlopeOf(anchors.Nation);
        // The prior trend: the parent's, else the nation's, else none (a panel without anchors).
        var prior = anchors.Parent is { Count: > 1 } parentHistory ? PooledSlope(parentHistory, parentSlope, anchors.Nation, nationalSlope, options) : nationalSlope;
        var span = years[^1] - years[0];
        // Two points five years apart weigh as much as the prior when TrendEvidenceYears is 5: a two-point slope is
        // never extrapolated unshrunk, and a long history keeps most of its own trend.
        var weight = n > 1 ? span / (span + options.TrendEvidenceYears) : 0;
        var slope = (weight * own) + ((1 - weight) * prior);

        var lastYear = history.LastYear;
        var parentLevel = LevelAt(anchors.Parent, lastYear);
        var nationLevel = LevelAt(anchors.Nation, lastYear);
        var relativeToParent = parentLevel is { } pl ? pl - history.LastZ : 0;
        var relativeToNation = nationLevel is { } nl ? nl - history.LastZ : 0;
        var start = history.LastZ;
        if (parentLevel is not null && anchors.Parent is { } parent)
        {
            start = Regressed(history, parent, options.ReversionFor(history.Region.Level));
        }
        return new HierarchicalPrior(own, parentSlope, nationalSlope, weight, slope, relativeToParent, relativeToNation, start);
    }

    /// <summary>The latest level drawn toward the parent's. With one point the region's distance from its parent is
    /// shrunk by <paramref name="reversion"/>; with more, the mean distance over its last three points is the
    /// evidence, shrunk less the more points there are (the empirical-Bayes weight of a mean of k noisy readings).</summary>
    private static double Regressed(TransformedHistory history, TransformedHistory parent, double reversion)
    {
        if (reversion <= 0)
        {
            return history.LastZ;
        }
        var z = history.Z;
        var years = history.Years;
        var k = Math.Min(history.Count, 3);
        double sum = 0;
        for (var i = history.Count - k; i < history.Count; i++)
        {
            sum += z[i] - LevelAt(parent, years[i])!.Value;
        }
        var meanDistance = sum / k;
        var keep = (1 - reversion) / ((1 - reversion) + (reversion / k));
        // The path starts at the parent's level plus the distance the evidence supports; the region's own trend
        // since its last point is carried by the slope, not here.
        return LevelAt(parent, history.LastYear)!.Value + (keep * meanDistance);
    }

    /// <summary>The trend the parent itself would be forecast with: its own slope shrunk toward the nation's by its
    /// evidence, as the region's is toward it. Pooling goes up the hierarchy: a province's slope over a few surveys is
    /// itself partly noise and survey change, and a kabupaten/kota borrowing it unshrunk inherits that noise whole. The
    /// nation is the root and keeps its own slope.</summary>
    private static double PooledSlope(TransformedHistory parent, double parentSlope, TransformedHistory? nation, double nationalSlope, ForecastOptions options)
    {
        if (parent.Region.Level == AdminLevel.Nation || nation is not { Count: > 1 })
        {
            return parentSlope;
        }
        var span = parent.Years[^1] - parent.Years[0];
        var weight = span / (span + options.TrendEvidenceYears);
        return (weight * parentSlope) + ((1 - weight) * nationalSlope);
    }

    private static double SlopeOf(TransformedHistory? history) =>
        history is { Count: > 1 } h ? LinearFit.Of(h.Years, h.Z).Slope : 0;

    /// <summary>The anchor's model-space level in <paramref name="year"/>: its value that year, else the nearest
    /// earlier one moved along its slope (the anchor never looks past the origin); null for no anchor.</summary>
    private static double? LevelAt(TransformedHistory? anchor, int year)
    {
        if (anchor is null)
        {
            return null;
        }
        var years = anchor.Years;
        var z = anchor.Z;
        var slope = SlopeOf(anchor);
        var best = -1;
        for (var i = 0; i < anchor.Count; i++)
        {
            if (years[i] == year)
            {
                return z[i];
            }
            if (years[i] < year)
            {
                best = i;
            }
        }
        return best >= 0 ? z[best] + (slope * (year - years[best])) : z[0] - (slope * (years[0] - year));
    }
}
