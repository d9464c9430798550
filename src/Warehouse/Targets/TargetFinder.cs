using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Targets;

/// <summary>Finds the target that applies to regions for a period: their own, else the nearest enclosing region's.</summary>
public sealed class TargetFinder(WarehouseDatabase database)
{
    /// <summary>The applicable target of an indicator for each region, where there is one.</summary>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="regions">The regions.</param>
    /// <param name="period">The period of the target.</param>
    /// <param name="plan">Only this plan's targets, when given.</param>
    /// <param name="cancellationToken">Interrupts the query inside DuckDB.</param>
    public IReadOnlyDictionary<RegionCode, ResolvedTarget> Find(string indicatorCode, IReadOnlyCollection<RegionCode> regions, Period period, string? plan = null, CancellationToken cancellationToken = default) =>
        TargetResolver.Resolve(database, regions, period, [indicatorCode], plan, cancellationToken).ToDictionary(t => t.Key.Region, t => t.Value);
}
