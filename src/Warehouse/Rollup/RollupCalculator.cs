using DuckDB.NET.Data;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Rollup;

/// <summary>
/// Computes a parent's value from its direct children: rates as means weighted by their denominators (never plain
/// averages), counts as sums; TFR, medians and indices are refused, since no arithmetic on children yields them.
/// </summary>
/// <remarks>Each child contributes its default value (see <see cref="WarehouseSchema.DefaultOrder"/>).</remarks>
/// <param name="database">The warehouse.</param>
/// <param name="upperLevels">
/// The upper levels held in memory, if the process holds them: the nation's and a province's roll-up then take their
/// children's values and the published value from memory, where SQL scans every value of the indicator (the provinces
/// lie spread through the table's region order, so zone maps skip only the other indicators).
/// </param>
public sealed class RollupCalculator(WarehouseDatabase database, UpperLevelObservations? upperLevels = null)
{
    /// <summary>Rolls an indicator up from the children of <paramref name="parentCode"/> for a period.</summary>
    /// <exception cref="UserInputException">The indicator or the region is unknown; the message names it.</exception>
    public RollupResult Rollup(string indicatorCode, RegionCode parentCode, Period period, CancellationToken cancellationToken = default)
    {
        var indicator = new IndicatorCatalog(database).Find(indicatorCode, cancellationToken)
            ?? throw new UserInputException(ErrorCodes.UnknownIndicator, $"There is no indicator '{indicatorCode}'.", "indicator");
        var parent = new RegionDirectory(database).Find(parentCode, cancellationToken)
            ?? throw new UserInputException(ErrorCodes.UnknownRegion, $"There is no region with code '{parentCode}'.", "parentCode");

        using var connection = database.OpenConnection();
        var (children, published) = HeldValues(indicator.Code, parent.Code, period, cancellationToken)
            ?? ReadValues(connection, indicator.Code, parent.Code, period, cancellationToken);

        var missing = children.Where(c => c.Value is null).Select(c => c.Code).ToList();
        var withValues = children.Where(c => c.Value is not null).ToList();
        var withoutDenominator = indicator.Rollup == RollupRule.WeightedMean
            ? withValues.Where(c => c.Denominator is null or <= 0).Select(c => c.Code).ToList()
            : [];
        var used = withValues.Where(c => !withoutDenominator.Contains(c.Code))
            .Select(c => new RollupContribution(c.Code, c.Value!.Value, c.Denominator, c.Source!, c.Synthetic))
            .ToList();

        RollupResult Result(double? value, string? refusal, double? totalDenominator = null) => new(
            indicator, parent, period, value, refusal, children.Count, refusal is null ? used : [], missing, withoutDenominator, totalDenominator, published);

        if (children.Count == 0)
        {
            return Result(null, $"{parent.Name} ({parent.Code}) has no child regions to roll up from.");
        }
        switch (indicator.Rollup)
        {
            case RollupRule.NotAdditive:
                return Result(null,
                    $"{indicator.Code} ({indicator.Unit}) does not add up: no arithmetic on the children's values gives the parent's value, so it is published per level. Use the published value.");
            case RollupRule.Sum:
                return used.Count == 0
                    ? Result(null, $"None of the {children.Count} children of {parent.Name} has a {indicator.Code} value for {period}.")
                    : Result(used.Sum(c => c.Value), null);
            default:
                if (used.Count == 0)
                {
                    return Result(null, withValues.Count == 0
                        ? $"None of the {children.Count} children of {parent.Name} has a {indicator.Code} value for {period}."
                        : $"{indicator.Code} is a rate that rolls up only as a mean weighted by its denominator ({indicator.Denominator ?? "the population it is measured on"}), and none of the {withValues.Count} children with a value for {period} has one; a plain average would be wrong.");
                }
                var weight = used.Sum(c => c.Denominator!.Value);
                return Result(used.Sum(c => c.Value * c.Denominator!.Value) / weight, null, weight);
        }
    }

    /// <summary>A child region and its default value for the period, if it has one.</summary>
    private sealed record Child(RegionCode Code, double? Value, double? Denominator, string? Source, bool Synthetic);

    /// <summary>
    /// The children's values and the published value from memory, when the children are provinces or kabupaten/kota
    /// and the current data version is held; null otherwise.
    /// </summary>
    private (List<Child> Children, Observation? Published)? HeldValues(
        string indicatorCode, RegionCode parent, Period period, CancellationToken cancellationToken)
    {
        if (upperLevels is null || parent.Depth >= UpperLevelObservations.MaxDepth)
        {
            return null;
        }
        var codes = new RegionDirectory(database).ChildrenOf([parent], cancellationToken)[parent].Select(r => r.Code).ToList();
        if (upperLevels.TryGetValues(indicatorCode, [.. codes, parent], period) is not { } values)
        {
            return null;
        }
        return (
            [.. codes.Select(code => values.TryGetValue(code, out var o)
                ? new Child(code, o.Value, o.Denominator, o.SourceId, o.IsSynthetic)
                : new Child(code, null, null, null, false))],
            values.GetValueOrDefault(parent));
    }

    /// <summary>The children's values and the published value, read with SQL.</summary>
    private static (List<Child> Children, Observation? Published) ReadValues(
        DuckDBConnection connection, string indicatorCode, RegionCode parent, Period period, CancellationToken cancellationToken)
    {
        var children = connection.Query(
            """
            SELECT r.code, o.value, o.denominator, o.source_id, o.is_synthetic
            FROM regions r
            LEFT JOIN observations o ON o.region_code = r.code AND o.indicator_code = $indicator
                AND o.year = $year AND o.period = CAST($period AS sub_period) AND o.is_default
            WHERE r.parent_code = $parent
            ORDER BY r.code
            """,
            r => new Child(
                RegionCode.Parse(r.GetString(0)),
                r.IsDBNull(1) ? null : r.GetDouble(1),
                r.IsDBNull(2) ? null : r.GetDouble(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                !r.IsDBNull(4) && r.GetBoolean(4)),
            cancellationToken,
            ("indicator", indicatorCode), ("year", period.Year), ("period", Period.CodeOf(period.Sub)), ("parent", parent.Value))
            .ToList();
        var published = connection.Query(
            $"""
            SELECT {SeriesReader.ObservationColumns} FROM observations
            WHERE indicator_code = $indicator AND region_code = $region AND year = $year AND period = CAST($period AS sub_period) AND is_default
            """,
            SeriesReader.MapObservation, cancellationToken,
            ("indicator", indicatorCode), ("region", parent.Value), ("year", period.Year), ("period", Period.CodeOf(period.Sub)))
            .SingleOrDefault();
        return (children, published);
    }
}
