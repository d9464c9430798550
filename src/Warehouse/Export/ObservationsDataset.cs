using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>Every published value with its region, period and source: the warehouse's fact table, flattened.</summary>
public sealed class ObservationsDataset : IExportDataset
{
    /// <inheritdoc />
    public string Name => "observations";

    /// <inheritdoc />
    public string Title => "Observations: every published value with its source";

    /// <inheritdoc />
    public string Description =>
        "One row per published value of an indicator for a region and period. Values from several sources for the same indicator, region and period are all listed; is_default marks the one the default rule picks (use preferredOnly=true for those alone). Rows come in no particular order (sorting would hold the whole export in memory); sort by indicator, region_code, period_start, source_id for a stable one.";

    /// <inheritdoc />
    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        .. ExportRegionColumns.All,
        new("year", ExportColumnType.SmallInt, "The reference year of the value (not its release date)."),
        new("period", ExportColumnType.Text, "The part of the year: YEAR, S1, S2, Q1 to Q4, or M01 to M12."),
        new("period_start", ExportColumnType.Date, "The first day of the period, for a time axis."),
        new("value", ExportColumnType.DoublePrecision, "The value, in the indicator's unit."),
        new("unit", ExportColumnType.Text, "The indicator's unit: percent, count, births per woman, ..."),
        new("numerator", ExportColumnType.DoublePrecision, "The numerator, where published.", Nullable: true),
        new("denominator", ExportColumnType.DoublePrecision, "The denominator (children measured, couples of reproductive age), where published; the weight in roll-ups.", Nullable: true),
        new("source_id", ExportColumnType.Text, "The source of the value (GraphQL sources lists them)."),
        new("is_default", ExportColumnType.Boolean, "True for the value the default rule picks for its indicator, region and period (GraphQL isPreferred)."),
        new("is_synthetic", ExportColumnType.Boolean, "True for generated values, never real data."),
        new("data_version", ExportColumnType.Integer32, "The data version that loaded the value."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<ExportFilterInfo> Filters { get; } =
    [
        ExportFilterInfo.Indicator, ExportFilterInfo.Region, ExportFilterInfo.Parent, ExportFilterInfo.Ancestor, ExportFilterInfo.Level,
        ExportFilterInfo.FromYear, ExportFilterInfo.ToYear, ExportFilterInfo.Granularity, ExportFilterInfo.PreferredOnly, ExportFilterInfo.All,
    ];

    /// <inheritdoc />
    public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsUnbounded && !filter.All)
        {
            throw new InvalidExportRequestException(ExportProblem.Unbounded(Name));
        }
    }

    /// <inheritdoc />
    public ExportQuery BuildQuery(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new ExportSql()
            .In("o.indicator_code", filter.Indicators, c => c)
            .Regions(filter, "o.region_code", "r.parent_code", "r.level")
            .Periods(filter, "o.year", "o.period");
        if (filter.PreferredOnly)
        {
            sql.Add("o.is_default");
        }
        return sql.Query($"""
            SELECT o.indicator_code AS indicator, o.region_code, r.name AS region_name, r.level::VARCHAR AS level, r.parent_code,
                   {ExportSql.ProvinceCode("o.region_code")} AS province_code,
                   o.year, o.period::VARCHAR AS period, {ExportSql.PeriodStart("o.year", "o.period")} AS period_start,
                   o.value, i.unit, o.numerator, o.denominator, o.source_id, o.is_default, o.is_synthetic, o.data_version
            FROM observations o
            JOIN regions r ON r.code = o.region_code
            JOIN indicators i ON i.code = o.indicator_code
            {sql.Where}
            """);
    }
}
