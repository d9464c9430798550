using Kencana.Forecasting.Input;
using Kencana.Warehouse.Lineage;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Forecasting;

/// <summary>Translates the warehouse's indicators, series and region lineage into the forecasting library's inputs.</summary>
internal static class ForecastInputs
{
    public static IndicatorProfile Profile(Indicator indicator) => new(
        indicator.Code,
        indicator.Unit switch
        {
            "percent" => UnitKind.Percent,
            "index" => UnitKind.Index,
            "count" => UnitKind.Count,
            _ => UnitKind.Rate,
        },
        indicator.Direction == Direction.LowerIsBetter ? BetterWhen.Lower : BetterWhen.Higher);

    /// <summary>
    /// Every region's series with the recorded boundary changes applied, so that no series continues silently across
    /// one: a region that kept its code on a smaller territory starts its history after the change (or, with no value
    /// since, keeps the old territory's values, flagged); a region formed by a split uses its own values, or else its
    /// predecessor's from before the split, flagged and left out of training; a kabupaten/kota of a new province
    /// without values is pooled toward the province it belonged to.
    /// </summary>
    /// <param name="profile">The indicator.</param>
    /// <param name="panel">The warehouse's yearly series of the indicator.</param>
    /// <param name="changes">The recorded boundary changes.</param>
    /// <param name="names">Region names, for the words of a lineage.</param>
    public static IReadOnlyDictionary<RegionCode, ForecastInput> Panel(
        IndicatorProfile profile, IReadOnlyList<YearlySeries> panel, IReadOnlyList<RegionChange> changes, Func<RegionCode, string> names)
    {
        var byRegion = panel.ToDictionary(s => s.Region);
        var inputs = new Dictionary<RegionCode, ForecastInput>();
        foreach (var yearly in panel)
        {
            var change = changes.FirstOrDefault(c => c.Successor == yearly.Region && !c.IsSplit);
            var points = yearly.Points;
            SeriesLineage? lineage = null;
            if (change is not null)
            {
                var after = points.Where(p => p.Year > change.Year).ToArray();
                var name = names(yearly.Region);
                if (after.Length > 0)
                {
                    points = after;
                    lineage = new SeriesLineage(change.Predecessor.Value, change.Year, false,
                        $"{name} ({yearly.Region}) lost territory in {change.Year}: its history starts after the change; earlier values describe the old province and are not continued.");
                }
                else
                {
                    lineage = new SeriesLineage(change.Predecessor.Value, change.Year, true,
                        $"{name} ({yearly.Region}) lost territory in {change.Year} ({Splits(changes, change.Predecessor, names)} were formed from it): every value, up to {change.Year}, describes the old province; none has been published for today's boundaries, so the forecast is the old province's.");
                }
            }
            else if (changes.FirstOrDefault(c => c.Successor == yearly.Region && c.IsSplit) is { } split)
            {
                points = [.. points.Where(p => p.Year > split.Year)];
                lineage = new SeriesLineage(split.Predecessor.Value, split.Year, false,
                    $"{names(yearly.Region)} ({yearly.Region}) was formed in {split.Year} from {names(split.Predecessor)} ({split.Predecessor}); its history starts with its own first value.");
                if (points.Count == 0)
                {
                    continue;
                }
            }
            inputs[yearly.Region] = new ForecastInput(ToSeries(profile, yearly, points, lineage, ParentOf(yearly, byRegion, changes)), yearly.IsSynthetic, true);
        }
        // New regions without a value of their own borrow their predecessor's history from before the split.
        foreach (var split in changes.Where(c => c.IsSplit && !inputs.ContainsKey(c.Successor)))
        {
            if (!byRegion.TryGetValue(split.Predecessor, out var predecessor))
            {
                continue;
            }
            var before = predecessor.Points.Where(p => p.Year <= split.Year).ToArray();
            if (before.Length == 0)
            {
                continue;
            }
            var lineage = new SeriesLineage(split.Predecessor.Value, split.Year, true,
                $"{names(split.Successor)} ({split.Successor}) was formed in {split.Year} from {names(split.Predecessor)} ({split.Predecessor}) and has no published value of its own: its history is {names(split.Predecessor)}'s up to {split.Year}, the level of the old province, not necessarily its own.");
            var borrowed = predecessor with { Region = split.Successor, Level = RegionLevel.Province, Points = before };
            inputs[split.Successor] = new ForecastInput(ToSeries(profile, borrowed, before, lineage, null), predecessor.IsSynthetic, false);
        }
        return inputs;
    }

    /// <summary>Why a region has no series, when a boundary change explains it; null otherwise.</summary>
    public static string? WhyNone(RegionCode region, IReadOnlyList<RegionChange> changes, Func<RegionCode, string> names) =>
        changes.FirstOrDefault(c => c.Successor == region && c.IsSplit) is { } split
            ? $"{names(region)} ({region}) was formed in {split.Year} from {names(split.Predecessor)} ({split.Predecessor}); neither it nor {names(split.Predecessor)} has a value to build its history from."
            : null;

    private static string Splits(IReadOnlyList<RegionChange> changes, RegionCode predecessor, Func<RegionCode, string> names) =>
        string.Join(", ", changes.Where(c => c.Predecessor == predecessor && c.IsSplit).Select(c => $"{names(c.Successor)} ({c.Successor})"));

    /// <summary>The region a kabupaten/kota is pooled toward when its province has no series of its own: the
    /// province that province was formed from, whose series covers the kabupaten's past.</summary>
    private static string? ParentOf(YearlySeries yearly, Dictionary<RegionCode, YearlySeries> byRegion, IReadOnlyList<RegionChange> changes)
    {
        if (yearly.Region.Depth != 2 || yearly.Region.StructuralParent is not { } province || byRegion.ContainsKey(province))
        {
            return null;
        }
        return changes.FirstOrDefault(c => c.Successor == province && c.IsSplit)?.Predecessor.Value;
    }

    private static Series ToSeries(IndicatorProfile profile, YearlySeries yearly, IReadOnlyList<(int Year, double Value, string? Survey)> points, SeriesLineage? lineage, string? parentCode) => new(
        profile,
        new RegionIdentity(
            yearly.Region.Value,
            yearly.Level switch
            {
                RegionLevel.Nation => AdminLevel.Nation,
                RegionLevel.Province => AdminLevel.Province,
                RegionLevel.Regency => AdminLevel.Regency,
                RegionLevel.City => AdminLevel.City,
                RegionLevel.District => AdminLevel.District,
                _ => AdminLevel.Village,
            },
            yearly.Region.Province?.Value,
            parentCode),
        [.. points.Select(p => new SeriesPoint(p.Year, p.Value, p.Survey))],
        lineage);
}
