namespace Kencana.Warehouse.Export;

/// <summary>The names of the query parameters (and Flight ticket parameters) an export takes.</summary>
/// <remarks>They are the GraphQL API's names (<c>observations(where:)</c>, <c>series</c>, <c>rollup</c>), in the
/// singular since a query string repeats a parameter; <see cref="Aliases"/> takes GraphQL's own spellings too.</remarks>
public static class ExportParameter
{
    /// <summary>Indicator codes.</summary>
    public const string Indicator = "indicator";

    /// <summary>Region codes, exactly.</summary>
    public const string Region = "region";

    /// <summary>Parent region codes.</summary>
    public const string Parent = "parent";

    /// <summary>Region codes whose descendants are wanted.</summary>
    public const string Ancestor = "ancestor";

    /// <summary>Region levels.</summary>
    public const string Level = "level";

    /// <summary>The first year.</summary>
    public const string FromYear = "fromYear";

    /// <summary>The last year.</summary>
    public const string ToYear = "toYear";

    /// <summary>Only periods of this granularity.</summary>
    public const string Granularity = "granularity";

    /// <summary>Only the default value of each indicator, region and period.</summary>
    public const string PreferredOnly = "preferredOnly";

    /// <summary>The year a forecast runs to and its outlook judges the target of.</summary>
    public const string TargetYear = "targetYear";

    /// <summary>The explicit consent to an export without an indicator or region filter.</summary>
    public const string All = "all";

    /// <summary>The CSV dialect.</summary>
    public const string Dialect = "dialect";

    /// <summary>The language of a spreadsheet's headers: <c>id</c> or <c>en</c>.</summary>
    public const string Language = "lang";

    /// <summary>GraphQL's spellings of the same filters, accepted as they are.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["indicators"] = Indicator,
        ["regions"] = Region,
        ["parentCode"] = Parent,
        ["ancestorCode"] = Ancestor,
        ["levels"] = Level,
    };
}
