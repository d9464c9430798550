using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Each parent region's value computed from its direct children by the indicator's rule, beside the published
/// value: the same arithmetic as GraphQL <c>rollup</c>, for every parent and period at once.
/// </summary>
public sealed class RollupsDataset : IExportDataset
{
    /// <inheritdoc />
    public string Name => "rollups";

    /// <inheritdoc />
    public string Title => "Roll-ups: parents computed from their children";

    /// <inheritdoc />
    public string Description =>
        "One row per indicator, parent region and period in which at least one direct child has a default value. Rates (rule weighted_mean) roll up as the mean of the children weighted by their denominators, counting only children with a denominator; a plain average would be wrong, so without any denominator value is null. Counts (rule sum) add up. Indicators that do not add up (TFR, MUKP, iBangga) are refused.";

    /// <inheritdoc />
    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("indicator", ExportColumnType.Text, "The indicator code."),
        new("parent_code", ExportColumnType.RegionCode, "The Kemendagri code of the parent region rolled up to, for example 64. Text, never a number (64.10 is not 64.1): read it as text."),
        new("parent_name", ExportColumnType.Text, "The parent region's name."),
        new("parent_level", ExportColumnType.Text, "The parent region's level."),
        new("year", ExportColumnType.SmallInt, "The year."),
        new("period", ExportColumnType.Text, "The part of the year: YEAR, S1, S2, Q1 to Q4, or M01 to M12."),
        new("period_start", ExportColumnType.Date, "The first day of the period."),
        new("rule", ExportColumnType.Text, "The roll-up rule: weighted_mean or sum."),
        new("value", ExportColumnType.DoublePrecision, "The rolled-up value, in the indicator's unit; null when no child has a denominator for a weighted mean.", Nullable: true),
        new("unit", ExportColumnType.Text, "The indicator's unit."),
        new("contributing_children", ExportColumnType.BigInt, "Children whose values went into the result.", "regions"),
        new("children_with_value", ExportColumnType.BigInt, "Children with a default value for the period (with or without a denominator).", "regions"),
        new("expected_children", ExportColumnType.BigInt, "Children the parent has.", "regions"),
        new("is_complete", ExportColumnType.Boolean, "True when every child contributed."),
        new("total_denominator", ExportColumnType.DoublePrecision, "The sum of the contributing denominators, the weight of a weighted mean; null for sums.", Nullable: true),
        new("published_value", ExportColumnType.DoublePrecision, "The parent's own published default value for the period, to compare with.", Nullable: true),
        new("published_source_id", ExportColumnType.Text, "The source of the published value.", Nullable: true),
        new("is_synthetic", ExportColumnType.Boolean, "True when any contributing value is generated."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<ExportFilterInfo> Filters { get; } =
    [
        ExportFilterInfo.Indicator with { Description = "The indicators to roll up (required); each must roll up (rule weighted_mean or sum)." },
        ExportFilterInfo.Parent with { Description = "Only these parent regions, as GraphQL rollup(parentCode:); parent=64 rolls the kabupaten/kota of Kalimantan Timur up to the province." },
        ExportFilterInfo.Ancestor with { Description = "Only parents anywhere below these regions." },
        ExportFilterInfo.Level with { Description = "Only parents of these levels, for example level=province for provinces computed from their kabupaten/kota." },
        ExportFilterInfo.FromYear, ExportFilterInfo.ToYear, ExportFilterInfo.Granularity,
    ];

    /// <inheritdoc />
    public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(indicators);
        if (filter.Indicators.Count == 0)
        {
            throw new InvalidExportRequestException(ExportProblem.InvalidValue(ExportParameter.Indicator,
                "A roll-up follows its indicator's rule, so name the indicators: for example rollups.csv?indicator=STUNTING&parent=64."));
        }
        var refused = filter.Indicators.Select(code => indicators[code]).Where(i => i.Rollup == RollupRule.NotAdditive).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidExportRequestException(ExportProblem.NotAdditive(ExportParameter.Indicator,
                string.Join(" ", refused.Select(i =>
                    $"{i.Code} ({i.Unit}) does not add up: no arithmetic on the children's values gives the parent's value, so it is published per level."))
                + " Export the published values instead: observations.csv?indicator=" + string.Join(',', refused.Select(i => i.Code)) + "."));
        }
    }

    /// <inheritdoc />
    public ExportQuery BuildQuery(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Children are filtered before aggregating (indicator, period, parent code); the parent's level is known only after the join.
        var children = new ExportSql()
            .Add("o.is_default")
            .In("o.indicator_code", filter.Indicators, c => c)
            .RolledUpParents(filter, "r.parent_code")
            .Periods(filter, "o.year", "o.period");
        var parents = children.Then().Levels(filter, "p.level");
        return parents.Query($"""
            WITH kids AS (
                SELECT r.parent_code, o.indicator_code, o.year, o.period, o.value, o.denominator, o.is_synthetic
                FROM observations o
                JOIN regions r ON r.code = o.region_code
                {children.Where}
            ),
            agg AS (
                SELECT k.parent_code, k.indicator_code, k.year, k.period, i.rollup, i.unit,
                       count(*) AS children_with_value,
                       CASE WHEN i.rollup = 'sum' THEN count(*) ELSE count(*) FILTER (WHERE k.denominator > 0) END AS contributing_children,
                       CASE WHEN i.rollup = 'sum' THEN sum(k.value)
                            ELSE sum(k.value * k.denominator) FILTER (WHERE k.denominator > 0) / sum(k.denominator) FILTER (WHERE k.denominator > 0) END AS value,
                       CASE WHEN i.rollup = 'sum' THEN NULL ELSE sum(k.denominator) FILTER (WHERE k.denominator > 0) END AS total_denominator,
                       CASE WHEN i.rollup = 'sum' THEN bool_or(k.is_synthetic) ELSE coalesce(bool_or(k.is_synthetic) FILTER (WHERE k.denominator > 0), false) END AS is_synthetic
                FROM kids k
                JOIN indicators i ON i.code = k.indicator_code
                WHERE i.rollup <> 'not_additive'
                GROUP BY k.parent_code, k.indicator_code, k.year, k.period, i.rollup, i.unit
            ),
            expected AS (
                SELECT parent_code, count(*) AS expected_children FROM regions WHERE parent_code IS NOT NULL GROUP BY parent_code
            )
            SELECT a.indicator_code AS indicator, a.parent_code, p.name AS parent_name, p.level::VARCHAR AS parent_level,
                   a.year, a.period::VARCHAR AS period, {ExportSql.PeriodStart("a.year", "a.period")} AS period_start,
                   a.rollup::VARCHAR AS rule, a.value, a.unit, a.contributing_children, a.children_with_value, e.expected_children,
                   a.contributing_children = e.expected_children AS is_complete, a.total_denominator,
                   po.value AS published_value, po.source_id AS published_source_id, a.is_synthetic
            FROM agg a
            JOIN regions p ON p.code = a.parent_code
            JOIN expected e ON e.parent_code = a.parent_code
            LEFT JOIN observations po ON po.region_code = a.parent_code AND po.indicator_code = a.indicator_code
                AND po.year = a.year AND po.period = a.period AND po.is_default
            {parents.Where}
            ORDER BY a.indicator_code, a.parent_code, a.year, a.period
            """);
    }
}
