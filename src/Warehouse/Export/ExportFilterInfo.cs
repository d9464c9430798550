namespace Kencana.Warehouse.Export;

/// <summary>A filter a dataset takes, as the catalogue describes it.</summary>
/// <param name="Name">The query parameter.</param>
/// <param name="Type">What its values are: <c>indicator code</c>, <c>region code</c>, <c>level</c>, <c>year</c>, <c>granularity</c> or <c>boolean</c>.</param>
/// <param name="Description">What it selects in this dataset.</param>
/// <param name="Repeatable">True when several values may be given, repeated or comma-separated.</param>
public sealed record ExportFilterInfo(string Name, string Type, string Description, bool Repeatable = false)
{
    /// <summary>Indicator codes.</summary>
    public static ExportFilterInfo Indicator { get; } = new(ExportParameter.Indicator, "indicator code",
        "Only these indicators, for example indicator=STUNTING or indicator=MCPR,UNMET_NEED.", Repeatable: true);

    /// <summary>Exact regions.</summary>
    public static ExportFilterInfo Region { get; } = new(ExportParameter.Region, "region code",
        "Only these regions by Kemendagri code, for example region=64.74.", Repeatable: true);

    /// <summary>Children of regions.</summary>
    public static ExportFilterInfo Parent { get; } = new(ExportParameter.Parent, "region code",
        "Only the regions directly below these, as GraphQL where.parentCode; parent=64 is the kabupaten/kota of Kalimantan Timur.", Repeatable: true);

    /// <summary>Descendants.</summary>
    public static ExportFilterInfo Ancestor { get; } = new(ExportParameter.Ancestor, "region code",
        "Only regions anywhere below these, as GraphQL where.ancestorCode; with level, for example ancestor=64&level=district for the kecamatan of Kalimantan Timur.", Repeatable: true);

    /// <summary>Levels.</summary>
    public static ExportFilterInfo Level { get; } = new(ExportParameter.Level, "level",
        "Only regions of these levels: nation, province, regency, city, district, village.", Repeatable: true);

    /// <summary>First year.</summary>
    public static ExportFilterInfo FromYear { get; } = new(ExportParameter.FromYear, "year", "Only periods in this year or later.");

    /// <summary>Last year.</summary>
    public static ExportFilterInfo ToYear { get; } = new(ExportParameter.ToYear, "year", "Only periods in this year or earlier.");

    /// <summary>The target year of a forecast or outlook.</summary>
    public static ExportFilterInfo TargetYear { get; } = new(ExportParameter.TargetYear, "year",
        "The year the forecast runs to and whose target the outlook judges against (the region's own target for that year, else the nearest enclosing region's), as in GraphQL forecast(targetYear:).");

    /// <summary>Granularity.</summary>
    public static ExportFilterInfo Granularity { get; } = new(ExportParameter.Granularity, "granularity",
        "Only periods of this length: year, semester, quarter or month.");

    /// <summary>Default values only.</summary>
    public static ExportFilterInfo PreferredOnly { get; } = new(ExportParameter.PreferredOnly, "boolean",
        "Only the value the default rule picks for each indicator, region and period (preferred flag, then source priority, then newest data version), as in GraphQL series(preferredOnly:).");

    /// <summary>Consent to an unfiltered export.</summary>
    public static ExportFilterInfo All { get; } = new(ExportParameter.All, "boolean",
        "Confirms an export without any indicator or region filter, which is otherwise refused as too broad to be meant.");
}
