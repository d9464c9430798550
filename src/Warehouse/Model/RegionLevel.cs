namespace Kencana.Warehouse.Model;

/// <summary>The administrative level of a region. A kabupaten is a <see cref="Regency"/>, a kota a <see cref="City"/>;
/// both sit at the second level below the nation.</summary>
public enum RegionLevel
{
    /// <summary>Indonesia as a whole (code 0).</summary>
    Nation,
    /// <summary>Provinsi.</summary>
    Province,
    /// <summary>Kabupaten.</summary>
    Regency,
    /// <summary>Kota.</summary>
    City,
    /// <summary>Kecamatan.</summary>
    District,
    /// <summary>Desa or kelurahan.</summary>
    Village,
}

/// <summary>Conversions between <see cref="RegionLevel"/> and the names stored in the warehouse.</summary>
public static class RegionLevels
{
    /// <summary>The warehouse's name of the level (<c>regency</c>).</summary>
    public static string ToStorageName(this RegionLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Parses a stored level name.</summary>
    public static RegionLevel FromStorageName(string name) =>
        Enum.TryParse<RegionLevel>(name, ignoreCase: true, out var level)
            ? level
            : throw new FormatException($"'{name}' is not a region level: use nation, province, regency, city, district or village.");

    /// <summary>The depth of codes at this level (regency and city share depth 2).</summary>
    public static int CodeDepth(this RegionLevel level) => level switch
    {
        RegionLevel.Nation => 0,
        RegionLevel.Province => 1,
        RegionLevel.Regency or RegionLevel.City => 2,
        RegionLevel.District => 3,
        _ => 4,
    };
}
