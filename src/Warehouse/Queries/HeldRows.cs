using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Queries;

/// <summary>One data version's upper-level observations in memory.</summary>
/// <param name="Series">Each indicator and region's series.</param>
/// <param name="InPageOrder">The series' keys in the order of <see cref="ObservationOrder.RegionThenPeriod"/> (indicator, then region code, as text).</param>
/// <param name="Regions">The level and parent of every region held.</param>
/// <param name="ProvincesWithDeeperValues">The provinces holding values of a kecamatan or desa.</param>
internal sealed record HeldRows(
    Dictionary<(string Indicator, RegionCode Region), HeldSeries> Series,
    (string Indicator, RegionCode Region)[] InPageOrder,
    Dictionary<RegionCode, HeldRegion> Regions,
    HashSet<RegionCode> ProvincesWithDeeperValues);

/// <summary>One series in series order, every value and the default values only.</summary>
internal sealed record HeldSeries(Observation[] All, Observation[] Default);

/// <summary>A region's level and parent, as the regions table has them.</summary>
internal sealed record HeldRegion(RegionCode Code, RegionLevel Level, string? ParentCode);
