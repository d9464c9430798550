using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Intervals;

/// <summary>How noisy one series is relative to the typical series of its level group: the factor its interval is
/// scaled by, so that intervals follow the series' own noise and evidence rather than one width per pool. Residual pools
/// hold errors divided by this factor (normalised conformal scores), and a forecast multiplies them back by its own.
/// A region whose readings scatter widely around their trend (a small survey sample, a survey change that moved it)
/// gets wider intervals than a region whose readings lie on a line; the own scatter is shrunk toward the group's by its
/// degrees of freedom, since three points give one degree of freedom and say little on their own.</summary>
internal sealed class SeriesNoise
{
    /// <summary>The degrees of freedom the group's typical scatter counts as, against a series' n - 2: a series of
    /// three points weighs its own scatter a third, of four a half, of ten four fifths.</summary>
    public const double PriorDegreesOfFreedom = 2;

    /// <summary>No factor goes below or above these: one series cannot make its interval vanish or explode.</summary>
    private const double Smallest = 0.5;

    private const double Largest = 3;

    private readonly Dictionary<PoolGroup, NoiseReference> references;

    public SeriesNoise(IEnumerable<NoiseReference> references)
    {
        this.references = references.ToDictionary(r => r.Group);
    }

    /// <summary>The references, for saving.</summary>
    public IReadOnlyList<NoiseReference> References => [.. references.Values.OrderBy(r => r.Group)];

    /// <summary>The groups' typical scatter over <paramref name="histories"/>, as known at the time they were cut.</summary>
    public static SeriesNoise Of(IEnumerable<TransformedHistory> histories)
    {
        var sums = new Dictionary<PoolGroup, (double Squares, int Freedom)>();
        foreach (var history in histories.Where(h => h.Count >= 3))
        {
            var group = PoolGroups.Of(history.Region.Level);
            var freedom = history.Count - 2;
            var sd = LinearFit.Of(history.Years, history.Z).ResidualSd;
            var (squares, total) = sums.GetValueOrDefault(group);
            sums[group] = (squares + (sd * sd * freedom), total + freedom);
        }
        return new SeriesNoise(sums.Where(s => s.Value.Squares > 0)
            .Select(s => new NoiseReference(s.Key, Math.Sqrt(s.Value.Squares / s.Value.Freedom), s.Value.Freedom)));
    }

    /// <summary>The interval factor of <paramref name="history"/>: 1 below three points (their evidence is the history
    /// class their residuals are pooled by) or without a reference for the group; else the square root of the own and
    /// the group's residual variance weighted by their degrees of freedom, over the group's.</summary>
    public double ScaleOf(TransformedHistory history)
    {
        if (history.Count < 3 || !references.TryGetValue(PoolGroups.Of(history.Region.Level), out var reference))
        {
            return 1;
        }
        var freedom = history.Count - 2;
        var sd = LinearFit.Of(history.Years, history.Z).ResidualSd;
        var shared = reference.ResidualSd * reference.ResidualSd;
        var variance = ((freedom * sd * sd) + (PriorDegreesOfFreedom * shared)) / (freedom + PriorDegreesOfFreedom);
        return Math.Clamp(Math.Sqrt(variance / shared), Smallest, Largest);
    }
}
