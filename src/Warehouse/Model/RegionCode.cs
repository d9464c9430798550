using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Kencana.Warehouse.Model;

/// <summary>
/// A Kemendagri region code (<c>PP</c>, <c>PP.KK</c>, <c>PP.KK.CC</c> or <c>PP.KK.CC.DDDD</c>), or <c>0</c> for the nation.
/// </summary>
/// <remarks>
/// Only well-formed codes can exist as values, so code that holds a <see cref="RegionCode"/> never re-validates it.
/// A BPS code (for example <c>6474</c>) is not a Kemendagri code and is rejected: the two systems number
/// kabupaten differently, so the mapping is a crosswalk, never a string transform.
/// </remarks>
public readonly partial record struct RegionCode : IComparable<RegionCode>
{
    private RegionCode(string value) => Value = value;

    /// <summary>The code of Indonesia as a whole.</summary>
    public static RegionCode Nation { get; } = new("0");

    /// <summary>The canonical text of the code, for example <c>64.74</c>.</summary>
    public string Value { get; }

    /// <summary>How many segments the code has: 0 for the nation, 1 for a province, up to 4 for a desa/kelurahan.</summary>
    public int Depth => Value == "0" ? 0 : Value.Count(c => c == '.') + 1;

    /// <summary>
    /// The code as one integer: its digits padded to ten, times ten, plus its <see cref="Depth"/>, so <c>64.74</c> is
    /// 64,740,000,002. Keys are unique and sort as the codes do. The observations table stores them beside the codes
    /// because DuckDB compares integers far faster than text when it filters a row group, and keeps their exact
    /// minimum and maximum per row group, where for text it keeps only the first eight bytes (<c>64.74.01</c> for
    /// every desa of that kecamatan).
    /// </summary>
    public long Key => long.Parse(Value.Replace(".", "", StringComparison.Ordinal).PadRight(10, '0'), System.Globalization.CultureInfo.InvariantCulture) * 10
        + (Value.Length + 1) / 3;

    /// <summary>The code of the enclosing region by the code's own structure (the nation for a province).</summary>
    public RegionCode? StructuralParent => Depth switch
    {
        0 => null,
        1 => Nation,
        _ => new RegionCode(Value[..Value.LastIndexOf('.')]),
    };

    /// <summary>The province the region lies in (itself for a province); null for the nation.</summary>
    public RegionCode? Province => Depth switch
    {
        0 => null,
        1 => this,
        _ => new RegionCode(Value[..Value.IndexOf('.', StringComparison.Ordinal)]),
    };

    /// <summary>Parses a code, throwing <see cref="FormatException"/> with the accepted forms when it is not one.</summary>
    public static RegionCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a Kemendagri region code: use 0 (nation), PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, for example 64.74.");

    /// <summary>Parses a code, returning false when the text is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegionCode code)
    {
        var trimmed = text?.Trim();
        if (trimmed is not null && CodePattern().IsMatch(trimmed))
        {
            code = new RegionCode(trimmed);
            return true;
        }
        code = default;
        return false;
    }

    /// <summary>True when the text has the shape of a BPS code (2, 4, 7 or 10 digits without dots).</summary>
    public static bool LooksLikeBpsCode(string? text) => text is not null && BpsPattern().IsMatch(text.Trim());

    /// <inheritdoc />
    public int CompareTo(RegionCode other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(RegionCode left, RegionCode right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    public static bool operator <=(RegionCode left, RegionCode right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(RegionCode left, RegionCode right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    public static bool operator >=(RegionCode left, RegionCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    [GeneratedRegex(@"^(0|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{4}(\d{3}(\d{3})?)?$")]
    private static partial Regex BpsPattern();
}
