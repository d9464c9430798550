using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Targets;

/// <summary>Finds the target that applies to each region: its own, else the nearest enclosing region's.</summary>
/// <remarks>Among several plans for the same region and period, the newest load wins, then the plan name, so the choice
/// is repeatable; a caller can name the plan instead.</remarks>
internal static class TargetResolver
{
    public static Dictionary<(RegionCode Region, string Indicator), ResolvedTarget> Resolve(
        WarehouseDatabase database, IReadOnlyCollection<RegionCode> regions, Period period, IReadOnlyCollection<string>? indicators, string? plan, CancellationToken cancellationToken)
    {
        var rows = regions.Distinct()
            .SelectMany(region => Ancestry(region).Select((candidate, distance) => (region, candidate, distance)))
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }
        using var connection = database.OpenConnection();
        return connection.Query(
            """
            WITH candidates AS (SELECT unnest($regions) AS applies_to, unnest($candidates) AS candidate, unnest($distances) AS distance)
            SELECT c.applies_to, t.indicator_code, t.region_code, t.year, t.period::VARCHAR AS period, t.value, t.plan, t.source_id, t.note, t.data_version
            FROM candidates c JOIN targets t ON t.region_code = c.candidate
            WHERE t.year = $year AND t.period = CAST($period AS sub_period)
              AND (len($indicators) = 0 OR list_contains($indicators, t.indicator_code))
              AND ($plan IS NULL OR t.plan = $plan)
            QUALIFY row_number() OVER (PARTITION BY c.applies_to, t.indicator_code ORDER BY c.distance, t.data_version DESC, t.plan) = 1
            """,
            r => new ResolvedTarget(SeriesReader.MapTarget(r), RegionCode.Parse(r.GetString(0))), cancellationToken,
            ("regions", rows.Select(r => r.region.Value).ToArray()),
            ("candidates", rows.Select(r => r.candidate.Value).ToArray()),
            ("distances", rows.Select(r => r.distance).ToArray()),
            ("year", period.Year), ("period", Period.CodeOf(period.Sub)),
            ("indicators", (indicators ?? []).ToArray()), ("plan", plan))
            .ToDictionary(t => (t.AppliesTo, t.Target.IndicatorCode));
    }

    private static IEnumerable<RegionCode> Ancestry(RegionCode region)
    {
        for (RegionCode? code = region; code is { } current; code = current.StructuralParent)
        {
            yield return current;
        }
    }
}
