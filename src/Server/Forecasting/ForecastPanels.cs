using System.Collections.Concurrent;
using Kencana.Forecasting.Input;
using Kencana.Warehouse.Lineage;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Forecasting;

/// <summary>The forecasting inputs of an indicator, read once per data version: every region's yearly series with the
/// warehouse's region lineage applied (see <see cref="ForecastInputs.Panel"/>). Shared by training and forecasting,
/// so a forecast sees the same series its model was trained on.</summary>
public sealed class ForecastPanels(PanelReader panels, RegionLineageReader lineage, RegionDirectory regions)
{
    private readonly ConcurrentDictionary<(int Version, string Indicator), IReadOnlyDictionary<RegionCode, ForecastInput>> _cache = new();

    /// <summary>The inputs of <paramref name="profile"/>'s indicator for data version <paramref name="version"/>.</summary>
    public IReadOnlyDictionary<RegionCode, ForecastInput> Get(IndicatorProfile profile, int version, CancellationToken cancellationToken = default) =>
        _cache.GetOrAdd((version, profile.Code), _ =>
        {
            var yearly = panels.GetYearly(profile.Code, cancellationToken);
            var changes = Changes(cancellationToken);
            var names = Names(changes, cancellationToken);
            return ForecastInputs.Panel(profile, yearly, changes, names);
        });

    /// <summary>Why <paramref name="region"/> has no series when a boundary change explains it, else null.</summary>
    public string? WhyNone(RegionCode region, CancellationToken cancellationToken = default)
    {
        var changes = Changes(cancellationToken);
        return ForecastInputs.WhyNone(region, changes, Names(changes, cancellationToken));
    }

    private IReadOnlyList<RegionChange> Changes(CancellationToken cancellationToken) => lineage.All(cancellationToken);

    private Func<RegionCode, string> Names(IReadOnlyList<RegionChange> changes, CancellationToken cancellationToken)
    {
        var found = regions.FindMany(changes.SelectMany(c => new[] { c.Predecessor, c.Successor }).Distinct(), cancellationToken);
        return code => found.TryGetValue(code, out var region) ? region.Name : code.Value;
    }
}
