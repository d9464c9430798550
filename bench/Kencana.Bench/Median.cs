namespace Kencana.Bench;

/// <summary>The median of repeated timings: one slow run (a cold cache, a busy core) does not move it.</summary>
internal static class Median
{
    public static TimeSpan Of(IReadOnlyCollection<TimeSpan> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("No runs to take the median of.", nameof(runs));
        }
        var sorted = runs.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
