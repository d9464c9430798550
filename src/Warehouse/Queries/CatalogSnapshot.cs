using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Queries;

/// <summary>
/// The indicator catalogue, the sources and the whole region tree of one data version, held in memory: every request
/// needs them, to check a code or to name a source, and they change only with the data.
/// </summary>
/// <param name="DataVersion">The data version they are of.</param>
/// <param name="Indicators">Every indicator, by code.</param>
/// <param name="Sources">Every source, by id.</param>
/// <param name="Regions">Every region, by code (about 91,600, some 20 MB).</param>
public sealed record CatalogSnapshot(
    int DataVersion,
    IReadOnlyDictionary<string, Indicator> Indicators,
    IReadOnlyDictionary<string, Source> Sources,
    IReadOnlyDictionary<RegionCode, Region> Regions)
{
    /// <summary>An indicator by code, in any case and with spaces around; null when unknown.</summary>
    public Indicator? Indicator(string code) => Indicators.GetValueOrDefault(code.Trim().ToUpperInvariant());
}
