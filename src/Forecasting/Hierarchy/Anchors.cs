using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Hierarchy;

/// <summary>The series regions are pooled toward: the nation, the provinces and any other region named as a parent.
/// Kept with a trained model, so a forecast sees the same anchors its backtest saw.</summary>
internal sealed class Anchors
{
    private readonly Dictionary<string, TransformedHistory> byCode;
    private readonly TransformedHistory? nation;

    public Anchors(IEnumerable<TransformedHistory> histories)
    {
        var all = histories.ToArray();
        var named = all.Select(h => h.Region.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        byCode = all
            .Where(h => h.Region.Level is AdminLevel.Nation or AdminLevel.Province || named.Contains(h.Region.Code))
            .GroupBy(h => h.Region.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        nation = all.FirstOrDefault(h => h.Region.Level == AdminLevel.Nation);
    }

    /// <summary>The anchor series, to save with a model.</summary>
    public IReadOnlyCollection<TransformedHistory> Histories => byCode.Values;

    /// <summary>What the parent and the nation of <paramref name="history"/>'s region showed up to its last year.
    /// A region whose parent has no series is pooled toward the nation.</summary>
    public AnchorView At(TransformedHistory history)
    {
        var origin = history.LastYear;
        var region = history.Region;
        if (region.Level == AdminLevel.Nation)
        {
            return new AnchorView(null, null);
        }
        var nationView = nation?.Until(origin);
        var parentCode = region.PoolingParent;
        var parent = parentCode is not null && byCode.TryGetValue(parentCode, out var p) && p.Region.Code != region.Code
            ? p.Until(origin)
            : null;
        return new AnchorView(parent ?? nationView, nationView);
    }
}
