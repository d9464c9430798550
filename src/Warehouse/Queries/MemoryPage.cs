using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Queries;

/// <summary>
/// A page of observations read from the upper levels held in memory (<see cref="UpperLevelObservations"/>), with the
/// answer <see cref="ObservationSearch"/> gives in SQL: the same filter (<see cref="ObservationFilter"/>), in
/// <see cref="ObservationOrder.RegionThenPeriod"/> order, one row past the page to tell whether another follows.
/// </summary>
internal static class MemoryPage
{
    /// <summary>
    /// True when every observation the filter selects is held: it names only upper-level regions or levels, the
    /// children of the nation or a province, or a scope in which no kecamatan or desa holds values.
    /// </summary>
    public static bool Covers(ObservationFilter filter, HeldRows rows)
    {
        var deeper = rows.ProvincesWithDeeperValues;
        if (filter.Regions is { Count: > 0 } regions)
        {
            return regions.All(r => r.Depth <= UpperLevelObservations.MaxDepth || !HoldsDeeper(deeper, r));
        }
        if (filter.Levels is { Count: > 0 } levels && levels.All(l => l.CodeDepth() <= UpperLevelObservations.MaxDepth))
        {
            return true;
        }
        if (filter.ParentCode is { } parent)
        {
            return parent.Depth < UpperLevelObservations.MaxDepth || !HoldsDeeper(deeper, parent);
        }
        if (filter.AncestorCode is { } ancestor && ancestor != RegionCode.Nation)
        {
            return !HoldsDeeper(deeper, ancestor);
        }
        return deeper.Count == 0;
    }

    /// <summary>The page; the filter must be one <see cref="Covers"/> accepts.</summary>
    public static ObservationPageResult Read(ObservationFilter filter, HeldRows rows, int limit, long offset)
    {
        var indicators = filter.Indicators is { Count: > 0 } codes ? codes.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal) : null;
        var regions = filter.Regions is { Count: > 0 } wanted ? wanted.Select(r => r.Value).ToHashSet(StringComparer.Ordinal) : null;
        var levels = filter.Levels is { Count: > 0 } asked ? asked.ToHashSet() : null;
        var sources = filter.Sources is { Count: > 0 } cited ? cited.ToHashSet(StringComparer.Ordinal) : null;
        // As in SQL, a level or parent filter joins the regions table, so a value of a region missing from it drops out.
        var joinsRegions = levels is not null || filter.ParentCode is not null;
        var (below, beyond) = filter.AncestorCode is { } a && a != RegionCode.Nation ? (a.Value + ".", a.Value + "/") : (null, null);
        var notNation = filter.AncestorCode == RegionCode.Nation;

        bool Selects(string indicator, RegionCode region)
        {
            if ((indicators is not null && !indicators.Contains(indicator)) || (regions is not null && !regions.Contains(region.Value)))
            {
                return false;
            }
            if (below is not null && (string.CompareOrdinal(region.Value, below) < 0 || string.CompareOrdinal(region.Value, beyond) >= 0))
            {
                return false;
            }
            if (notNation && region == RegionCode.Nation)
            {
                return false;
            }
            if (!joinsRegions)
            {
                return true;
            }
            return rows.Regions.TryGetValue(region, out var known)
                && (levels is null || levels.Contains(known.Level))
                && (filter.ParentCode is not { } parent || known.ParentCode == parent.Value);
        }

        bool Keeps(Observation o) =>
            (filter.FromYear is not { } from || o.Period.Year >= from)
            && (filter.ToYear is not { } to || o.Period.Year <= to)
            && (filter.Granularity is not { } granularity || o.Period.Granularity == granularity)
            && (sources is null || sources.Contains(o.SourceId))
            && (!filter.PreferredOnly || o.IsDefault)
            && (filter.Synthetic is not { } synthetic || o.IsSynthetic == synthetic);

        var page = new List<Observation>(Math.Min(limit + 1, 1024));
        var skipped = 0L;
        foreach (var key in rows.InPageOrder)
        {
            if (!Selects(key.Indicator, key.Region))
            {
                continue;
            }
            foreach (var observation in rows.Series[key].All)
            {
                if (!Keeps(observation))
                {
                    continue;
                }
                if (skipped < offset)
                {
                    skipped++;
                    continue;
                }
                page.Add(observation);
                if (page.Count > limit)
                {
                    return new ObservationPageResult([.. page.Take(limit)], HasNextPage: true);
                }
            }
        }
        return new ObservationPageResult(page, HasNextPage: false);
    }

    /// <summary>Whether a kecamatan or desa of the region's province holds values.</summary>
    private static bool HoldsDeeper(HashSet<RegionCode> provincesWithDeeperValues, RegionCode region) =>
        region.Province is { } province && provincesWithDeeperValues.Contains(province);
}
