namespace Kencana.Forecasting.Input;

/// <summary>Which region a series belongs to. The level and the parent decide what a short series borrows from its
/// neighbours: its trend is shrunk toward its parent's and the nation's, and its level drawn toward its parent's.</summary>
/// <param name="Code">The region's Kemendagri code (<c>0</c> for the nation, <c>64.74</c> for Kota Bontang).</param>
/// <param name="Level">The administrative level.</param>
/// <param name="ProvinceCode">The code of the province the region lies in (its own code for a province), or null for
/// the nation or when unknown.</param>
/// <param name="ParentCode">The region whose series this one is pooled toward, when it is not the default (the
/// province for a kabupaten/kota, the nation for a province): for a kabupaten of a province formed in 2022, the
/// province it belonged to before, whose series covers its past.</param>
public sealed record RegionIdentity(string Code, AdminLevel Level, string? ProvinceCode = null, string? ParentCode = null)
{
    /// <summary>The region's Kemendagri code.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(Code)
        ? throw new ArgumentException("A region needs a code.", nameof(Code))
        : Code;

    /// <summary>The administrative level.</summary>
    public AdminLevel Level { get; } = Enum.IsDefined(Level)
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, "Unknown region level.");

    /// <summary>The code of the region this one is pooled toward: <see cref="ParentCode"/> when given, else the
    /// province for regions below it; null for a province (pooled toward the nation) and for the nation.</summary>
    internal string? PoolingParent => ParentCode ?? (Level > AdminLevel.Province ? ProvinceCode : null);
}
