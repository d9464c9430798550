namespace Kencana.Forecasting.Input;

/// <summary>The yearly values of one indicator in one region: at least one point, one per year, sorted by year, every
/// value inside the indicator's range. Gaps between years are allowed.</summary>
public sealed class Series
{
    /// <summary>Checks and sorts the points.</summary>
    /// <param name="indicator">The indicator the values measure.</param>
    /// <param name="region">The region they describe.</param>
    /// <param name="points">The observations, in any order.</param>
    /// <param name="lineage">How the series crosses a boundary change, when it does.</param>
    /// <exception cref="ArgumentException">No point, two points for one year, or a value outside the indicator's
    /// range.</exception>
    public Series(IndicatorProfile indicator, RegionIdentity region, IEnumerable<SeriesPoint> points, SeriesLineage? lineage = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Year).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException($"The {indicator.Code} series of region {region.Code} has no point.", nameof(points));
        }
        for (var i = 0; i < sorted.Length; i++)
        {
            indicator.CheckValue(sorted[i].Value, nameof(points));
            if (i > 0 && sorted[i].Year == sorted[i - 1].Year)
            {
                throw new ArgumentException(
                    $"The {indicator.Code} series of region {region.Code} has two values for {sorted[i].Year}: pick one before forecasting.",
                    nameof(points));
            }
        }
        Indicator = indicator;
        Region = region;
        Points = sorted;
        Lineage = lineage;
    }

    /// <summary>The indicator the values measure.</summary>
    public IndicatorProfile Indicator { get; }

    /// <summary>The region they describe.</summary>
    public RegionIdentity Region { get; }

    /// <summary>The observations, sorted by year, one per year.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; }

    /// <summary>How the series crosses a boundary change, or null when it does not.</summary>
    public SeriesLineage? Lineage { get; }

    /// <summary>The most recent observation.</summary>
    public SeriesPoint Latest => Points[^1];
}
