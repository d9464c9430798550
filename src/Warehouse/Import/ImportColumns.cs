namespace Kencana.Warehouse.Import;

/// <summary>The columns each kind of import file has, and the other names users' files give them.</summary>
/// <remarks>Only names from these lists ever reach SQL as identifiers; file headers are matched against them.</remarks>
internal static class ImportColumns
{
    public static readonly IReadOnlyDictionary<ImportKind, string[]> Required = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Sources] = ["id", "title", "publisher"],
        [ImportKind.Observations] = ["indicator", "region_code", "year", "period", "value", "source_id"],
        [ImportKind.Targets] = ["indicator", "region_code", "year", "period", "target", "source_id", "plan"],
    };

    public static readonly IReadOnlyDictionary<ImportKind, string[]> Optional = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Sources] = ["url", "published_on", "priority", "note", "synthetic"],
        [ImportKind.Observations] = ["numerator", "denominator", "survey", "note", "ci_lower", "ci_upper", "is_preferred", "synthetic"],
        [ImportKind.Targets] = ["note"],
    };

    /// <summary>Other header names, in Indonesian and English, mapped to the canonical column.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["indicator_code"] = "indicator",
        ["indikator"] = "indicator",
        ["kode_indikator"] = "indicator",
        ["region"] = "region_code",
        ["kode_wilayah"] = "region_code",
        ["kode"] = "region_code",
        ["tahun"] = "year",
        ["periode"] = "period",
        ["nilai"] = "value",
        ["source"] = "source_id",
        ["sumber"] = "source_id",
        ["pembilang"] = "numerator",
        ["penyebut"] = "denominator",
        ["survei"] = "survey",
        ["catatan"] = "note",
        ["keterangan"] = "note",
        ["preferred"] = "is_preferred",
        ["is_synthetic"] = "synthetic",
        ["ci_low"] = "ci_lower",
        ["ci_high"] = "ci_upper",
        ["nilai_target"] = "target",
        ["rencana"] = "plan",
        ["source_title"] = "title",
        ["judul"] = "title",
        ["penerbit"] = "publisher",
    };

    /// <summary>Normalises a header cell (case, spaces, hyphens, BOM) and resolves aliases.</summary>
    public static string Canonical(string header)
    {
        var normalised = header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return Aliases.TryGetValue(normalised, out var canonical) ? canonical : normalised;
    }

    /// <summary>Decides the kind from the canonical columns present, or null when they fit none.</summary>
    public static ImportKind? KindOf(IReadOnlySet<string> columns) =>
        columns.Contains("value") ? ImportKind.Observations
        : columns.Contains("target") ? ImportKind.Targets
        : columns.Contains("title") && columns.Contains("publisher") ? ImportKind.Sources
        : null;

    public static IEnumerable<string> All(ImportKind kind) => Required[kind].Concat(Optional[kind]);
}
