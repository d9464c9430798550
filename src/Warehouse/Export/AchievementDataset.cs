using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>Each target beside the default value for the same indicator, region and period, and whether it was reached.</summary>
public sealed class AchievementDataset : IExportDataset
{
    /// <inheritdoc />
    public string Name => "achievement";

    /// <inheritdoc />
    public string Title => "Achievement: values against their targets";

    /// <inheritdoc />
    public string Description =>
        "One row per target (a region, indicator and period can have targets under several plans), beside the region's default value for the same indicator and period. achieved follows the indicator's direction: at or below the target when lower is better (stunting), at or above when higher is better (mCPR). Without a value, value, gap and achieved are null.";

    /// <inheritdoc />
    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        .. ExportRegionColumns.All,
        new("year", ExportColumnType.SmallInt, "The year the target is for."),
        new("period", ExportColumnType.Text, "The part of the year: YEAR, S1, S2, Q1 to Q4, or M01 to M12."),
        new("period_start", ExportColumnType.Date, "The first day of the period."),
        new("plan", ExportColumnType.Text, "The plan that sets the target, for example RPJMN 2020-2024."),
        new("target", ExportColumnType.DoublePrecision, "The target value, in the indicator's unit."),
        new("target_source_id", ExportColumnType.Text, "The source of the target."),
        new("value", ExportColumnType.DoublePrecision, "The region's default value for the period, in the indicator's unit.", Nullable: true),
        new("value_source_id", ExportColumnType.Text, "The source of the value.", Nullable: true),
        new("unit", ExportColumnType.Text, "The indicator's unit."),
        new("direction", ExportColumnType.Text, "Which way is better: lower or higher."),
        new("gap", ExportColumnType.DoublePrecision, "value minus target, in the indicator's unit (rounded to 9 decimals, which drops floating-point noise): above zero means above the target.", Nullable: true),
        new("achieved", ExportColumnType.Boolean, "True when the value reaches the target in the indicator's direction.", Nullable: true),
    ];

    /// <inheritdoc />
    public IReadOnlyList<ExportFilterInfo> Filters { get; } =
    [
        ExportFilterInfo.Indicator, ExportFilterInfo.Region, ExportFilterInfo.Parent, ExportFilterInfo.Ancestor, ExportFilterInfo.Level,
        ExportFilterInfo.FromYear, ExportFilterInfo.ToYear, ExportFilterInfo.Granularity, ExportFilterInfo.All,
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
            .In("t.indicator_code", filter.Indicators, c => c)
            .Regions(filter, "t.region_code", "r.parent_code", "r.level")
            .Periods(filter, "t.year", "t.period");
        return sql.Query($"""
            SELECT t.indicator_code AS indicator, t.region_code, r.name AS region_name, r.level::VARCHAR AS level, r.parent_code,
                   {ExportSql.ProvinceCode("t.region_code")} AS province_code,
                   t.year, t.period::VARCHAR AS period, {ExportSql.PeriodStart("t.year", "t.period")} AS period_start,
                   t.plan, t.value AS target, t.source_id AS target_source_id, o.value, o.source_id AS value_source_id,
                   i.unit, i.direction::VARCHAR AS direction, round(o.value - t.value, 9) AS gap,
                   CASE WHEN i.direction = 'lower' THEN o.value <= t.value ELSE o.value >= t.value END AS achieved
            FROM targets t
            JOIN regions r ON r.code = t.region_code
            JOIN indicators i ON i.code = t.indicator_code
            LEFT JOIN observations o ON o.indicator_code = t.indicator_code AND o.region_code = t.region_code
                AND o.year = t.year AND o.period = t.period AND o.is_default
            {sql.Where}
            ORDER BY t.indicator_code, t.region_code, t.year, t.period, t.plan
            """);
    }
}
