using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Queries;

/// <summary>Which observations a query covers. Every criterion is optional; all given ones must hold.</summary>
/// <param name="Indicators">Only these indicator codes.</param>
/// <param name="Regions">Only these regions.</param>
/// <param name="Levels">Only regions of these levels.</param>
/// <param name="ParentCode">Only direct children of this region.</param>
/// <param name="AncestorCode">Only regions anywhere below this region (Kemendagri codes nest, so this is a prefix match).</param>
/// <param name="FromYear">From this year on.</param>
/// <param name="ToYear">Up to this year.</param>
/// <param name="Granularity">Only periods of this granularity (whole years, semesters, quarters, months).</param>
/// <param name="Sources">Only values from these sources.</param>
/// <param name="PreferredOnly">Only the value the default rule picks for each indicator, region and period.</param>
/// <param name="Synthetic">Only synthetic (true) or only real (false) values; both when null.</param>
public sealed record ObservationFilter(
    IReadOnlyList<string>? Indicators = null,
    IReadOnlyList<RegionCode>? Regions = null,
    IReadOnlyList<RegionLevel>? Levels = null,
    RegionCode? ParentCode = null,
    RegionCode? AncestorCode = null,
    int? FromYear = null,
    int? ToYear = null,
    Granularity? Granularity = null,
    IReadOnlyList<string>? Sources = null,
    bool PreferredOnly = false,
    bool? Synthetic = null)
{
    /// <summary>
    /// The FROM clause the filter needs: the join to regions only when a level or parent is asked for, since
    /// building its hash table costs more than the rest of a small query.
    /// </summary>
    internal string FromSql(bool needRegions = false) =>
        needRegions || Levels is { Count: > 0 } || ParentCode is not null
            ? "observations o JOIN regions r ON r.code = o.region_code"
            : "observations o";

    /// <summary>
    /// The WHERE clause over <c>observations o JOIN regions r</c>, with its parameters. The clause text comes from
    /// this method alone; every value travels as a parameter.
    /// </summary>
    internal (string Sql, List<(string Name, object? Value)> Parameters) ToSql() => Translate(cube: false);

    /// <summary>
    /// The same filter over the pre-aggregated table <c>p</c> (<see cref="Aggregation.PreAggregates"/>), for the
    /// filters it can answer: no single regions, parents or sources.
    /// </summary>
    internal (string Sql, List<(string Name, object? Value)> Parameters) ToCubeSql() =>
        Regions is { Count: > 0 } || ParentCode is not null || Sources is { Count: > 0 }
            ? throw new InvalidOperationException("The pre-aggregates hold no single regions, parents or sources.")
            : Translate(cube: true);

    /// <summary>True when the pre-aggregated table can answer the filter: a scope of the nation or a province, and no single regions, parents or sources.</summary>
    internal bool FitsCube =>
        Regions is not { Count: > 0 } && ParentCode is null && Sources is not { Count: > 0 }
        && (AncestorCode is null || AncestorCode == RegionCode.Nation || AncestorCode.Value.Depth == 1);

    private (string Sql, List<(string Name, object? Value)> Parameters) Translate(bool cube)
    {
        // The pre-aggregated table keeps the observations' column names, the region's level beside them, and the
        // province with a flag for the rows below it, in place of the region code.
        var alias = cube ? "p" : "o";
        var clauses = new List<string> { "true" };
        var parameters = new List<(string, object?)>();
        if (Indicators is { Count: > 0 })
        {
            clauses.Add(SqlMembership.In($"{alias}.indicator_code", "f_indicator", [.. Indicators.Select(i => i.Trim().ToUpperInvariant()).Distinct()], parameters));
        }
        if (Regions is { Count: > 0 })
        {
            clauses.Add(SqlMembership.In("o.region_code", "f_region", [.. Regions.Select(r => r.Value).Distinct()], parameters));
        }
        if (Levels is { Count: > 0 })
        {
            clauses.Add(SqlMembership.In(cube ? "p.level::VARCHAR" : "r.level::VARCHAR", "f_level", [.. Levels.Select(l => l.ToStorageName()).Distinct()], parameters));
        }
        if (ParentCode is { } parent)
        {
            clauses.Add("r.parent_code = $f_parent");
            parameters.Add(("f_parent", parent.Value));
        }
        if (AncestorCode is { } ancestor && ancestor != RegionCode.Nation)
        {
            if (cube)
            {
                clauses.Add("p.province_code = $f_province AND p.below_province");
                parameters.Add(("f_province", ancestor.Value));
            }
            else
            {
                // Everything below 64 is the code range ["64.", "64/"): '/' follows '.', and a range, unlike starts_with,
                // lets DuckDB skip row groups by their min/max region code.
                clauses.Add("o.region_code >= $f_below AND o.region_code < $f_beyond");
                parameters.Add(("f_below", ancestor.Value + "."));
                parameters.Add(("f_beyond", ancestor.Value + "/"));
            }
        }
        else if (AncestorCode is not null)
        {
            clauses.Add(cube ? "p.province_code IS NOT NULL" : "o.region_code <> '0'");
        }
        if (FromYear is { } from)
        {
            clauses.Add($"{alias}.year >= $f_from");
            parameters.Add(("f_from", from));
        }
        if (ToYear is { } to)
        {
            clauses.Add($"{alias}.year <= $f_to");
            parameters.Add(("f_to", to));
        }
        if (Granularity is { } granularity)
        {
            clauses.Add(SqlMembership.In($"{alias}.period::VARCHAR", "f_period", [.. Enum.GetValues<SubPeriod>().Where(s => Period.GranularityOf(s) == granularity).Select(Period.CodeOf)], parameters));
        }
        if (Sources is { Count: > 0 })
        {
            clauses.Add(SqlMembership.In("o.source_id", "f_source", [.. Sources.Distinct()], parameters));
        }
        if (PreferredOnly)
        {
            clauses.Add($"{alias}.is_default");
        }
        if (Synthetic is { } synthetic)
        {
            clauses.Add($"{alias}.is_synthetic = $f_synthetic");
            parameters.Add(("f_synthetic", synthetic));
        }
        return (string.Join(" AND ", clauses), parameters);
    }
}
