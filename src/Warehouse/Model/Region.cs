namespace Kencana.Warehouse.Model;

/// <summary>An administrative region with its place in the hierarchy.</summary>
/// <param name="Code">The Kemendagri code.</param>
/// <param name="Name">The official name.</param>
/// <param name="Level">The administrative level.</param>
/// <param name="ParentCode">The enclosing region; null only for the nation.</param>
/// <param name="BpsCode">The BPS code from the crosswalk, where known.</param>
/// <param name="Population">The 2025 population, known for the nation, provinces and kabupaten/kota.</param>
/// <param name="AreaKm2">The area in square kilometres, where known.</param>
public sealed record Region(
    RegionCode Code,
    string Name,
    RegionLevel Level,
    RegionCode? ParentCode,
    string? BpsCode,
    Population? Population,
    double? AreaKm2);

/// <summary>A population count by sex.</summary>
/// <param name="Total">Everyone.</param>
/// <param name="Male">Men and boys.</param>
/// <param name="Female">Women and girls.</param>
/// <param name="Year">The year of the count.</param>
/// <param name="SourceId">Where the count comes from.</param>
public sealed record Population(long Total, long Male, long Female, int Year, string SourceId);
