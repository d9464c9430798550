namespace Kencana.Warehouse.Export;

/// <summary>
/// The columns that open every dataset's rows: the indicator and the region with its name, level, parent and province.
/// One definition, so that every dataset describes and types them alike (region codes always as text).
/// </summary>
public static class ExportRegionColumns
{
    /// <summary>indicator, region_code, region_name, level, parent_code, province_code.</summary>
    public static IReadOnlyList<ExportColumn> All { get; } =
    [
        new("indicator", ExportColumnType.Text, "The indicator code, for example STUNTING."),
        new("region_code", ExportColumnType.RegionCode, "The Kemendagri region code, for example 64.02; 0 is Indonesia. Text, never a number (64.10 is not 64.1): read it as text."),
        new("region_name", ExportColumnType.Text, "The region's name."),
        new("level", ExportColumnType.Text, "The region's level: nation, province, regency, city, district or village."),
        new("parent_code", ExportColumnType.RegionCode, "The Kemendagri code of the region directly above; null for the nation. Text, like region_code.", Nullable: true),
        new("province_code", ExportColumnType.RegionCode, "The Kemendagri code of the province the region lies in (itself for a province); null for the nation. Text, like region_code.", Nullable: true),
    ];
}
