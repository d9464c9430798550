namespace Kencana.Forecasting.Input;

/// <summary>All series of one indicator, one per region: what the pooled model learns from and what backtests run
/// over.</summary>
public sealed class SeriesPanel
{
    /// <summary>Checks that every series measures <paramref name="indicator"/> and that no region appears twice.</summary>
    /// <param name="indicator">The indicator every series measures.</param>
    /// <param name="series">The series, one per region.</param>
    /// <exception cref="ArgumentException">No series, a series of another indicator, or a region twice.</exception>
    public SeriesPanel(IndicatorProfile indicator, IEnumerable<Series> series)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"The {indicator.Code} panel has no series.", nameof(series));
        }
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in list)
        {
            if (s.Indicator != indicator)
            {
                throw new ArgumentException(
                    $"A panel holds one indicator: region {s.Region.Code} has a {s.Indicator.Code} series in the {indicator.Code} panel.",
                    nameof(series));
            }
            if (!regions.Add(s.Region.Code))
            {
                throw new ArgumentException($"Region {s.Region.Code} has two {indicator.Code} series in the panel.", nameof(series));
            }
        }
        Indicator = indicator;
        Series = list;
    }

    /// <summary>The indicator every series measures.</summary>
    public IndicatorProfile Indicator { get; }

    /// <summary>The series, in the order given.</summary>
    public IReadOnlyList<Series> Series { get; }
}
