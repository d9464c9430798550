namespace Kencana.Forecasting.Input;

/// <summary>Which region a series belongs to. The pooled model uses the level and the province as features, so that
/// regions of one province can share what their neighbours show.</summary>
/// <param name="Code">The region's Kemendagri code (<c>0</c> for the nation, <c>64.74</c> for Kota Bontang).</param>
/// <param name="Level">The administrative level.</param>
/// <param name="ProvinceCode">The code of the province the region lies in (its own code for a province), or null for
/// the nation or when unknown.</param>
public sealed record RegionIdentity(string Code, AdminLevel Level, string? ProvinceCode = null)
{
    /// <summary>The region's Kemendagri code.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(Code)
        ? throw new ArgumentException("A region needs a code.", nameof(Code))
        : Code;

    /// <summary>The administrative level.</summary>
    public AdminLevel Level { get; } = Enum.IsDefined(Level)
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, "Unknown region level.");
}
