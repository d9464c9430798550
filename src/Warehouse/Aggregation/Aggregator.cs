using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Aggregation;

/// <summary>Runs cube queries: a dynamic group-by over observations with the statistics researchers ask for.</summary>
/// <remarks>
/// Dimension and measure SQL come from the fixed tables below; request values only ever travel as parameters. With
/// <see cref="PreAggregates"/>, requests that fit are answered from the data version's pre-aggregated table.
/// </remarks>
public sealed class Aggregator(WarehouseDatabase database, PreAggregates? preAggregates = null)
{
    /// <summary>The most groups one request returns.</summary>
    public const int MaxGroups = 1000;

    private static readonly AggregateSql ObservationSql = new(
        new Dictionary<AggregateDimension, string>
        {
            [AggregateDimension.Indicator] = "o.indicator_code",
            [AggregateDimension.Region] = "o.region_code",
            [AggregateDimension.Level] = "r.level::VARCHAR",
            [AggregateDimension.Province] = "CASE WHEN o.region_code = '0' THEN NULL ELSE split_part(o.region_code, '.', 1) END",
            [AggregateDimension.Parent] = "r.parent_code",
            [AggregateDimension.Year] = "o.year",
            [AggregateDimension.Period] = "o.period::VARCHAR",
            [AggregateDimension.Source] = "o.source_id",
        },
        new Dictionary<AggregateMeasure, string>
        {
            [AggregateMeasure.Count] = "count(*)",
            [AggregateMeasure.Min] = "min(o.value)",
            [AggregateMeasure.Max] = "max(o.value)",
            [AggregateMeasure.Mean] = "avg(o.value)",
            [AggregateMeasure.WeightedMean] = "sum(o.value * o.denominator) FILTER (WHERE o.denominator > 0) / sum(o.denominator) FILTER (WHERE o.denominator > 0)",
            [AggregateMeasure.Median] = "median(o.value)",
            [AggregateMeasure.P25] = "quantile_cont(o.value, 0.25)",
            [AggregateMeasure.P75] = "quantile_cont(o.value, 0.75)",
            [AggregateMeasure.StdDev] = "stddev_samp(o.value)",
        },
        WeightedCount: "count(*) FILTER (WHERE o.denominator > 0)",
        Synthetic: "coalesce(bool_or(o.is_synthetic), false)");

    private static readonly Dictionary<Comparison, string> ComparisonSql = new()
    {
        [Comparison.GreaterThan] = ">",
        [Comparison.AtLeast] = ">=",
        [Comparison.LessThan] = "<",
        [Comparison.AtMost] = "<=",
        [Comparison.EqualTo] = "=",
    };

    /// <summary>Parallel sums add in varying order; round away the last bits so the same data always answers the same.</summary>
    internal static double? Tidy(double? value) => value is { } v ? Math.Round(v, 9) : null;

    /// <summary>Runs the aggregate.</summary>
    /// <exception cref="UserInputException">The request mixes indicators in one group or asks for too many groups; the message says how to fix it.</exception>
    public IReadOnlyList<AggregateRow> Run(AggregateRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Limit is < 1 or > MaxGroups)
        {
            throw new UserInputException(ErrorCodes.PageSizeExceeded, $"Ask for 1 to {MaxGroups} groups at a time (got {request.Limit}); page with offset.", "first");
        }
        if (!request.GroupBy.Contains(AggregateDimension.Indicator) && request.Filter.Indicators is not { Count: 1 })
        {
            throw new UserInputException(ErrorCodes.BadUserInput, "Group by INDICATOR or filter to exactly one indicator: a statistic over stunting and mCPR together means nothing.", "groupBy");
        }
        if (preAggregates?.TryAnswer(request) is { } answered)
        {
            return answered;
        }
        if (preAggregates?.TryFrom(request) is { } cube)
        {
            return Execute(request, PreAggregates.Sql, cube.From, cube.Where, cube.Parameters, cancellationToken);
        }
        var (filterSql, filterParameters) = request.Filter.ToSql();
        var dimensionsNeedRegions = request.GroupBy.Contains(AggregateDimension.Level) || request.GroupBy.Contains(AggregateDimension.Parent);
        return Execute(request, ObservationSql, request.Filter.FromSql(dimensionsNeedRegions), filterSql, filterParameters, cancellationToken);
    }

    private IReadOnlyList<AggregateRow> Execute(
        AggregateRequest request, AggregateSql source, string from, string where, List<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var dimensionSql = source.Dimensions;
        var measureSql = source.Measures;
        var dimensions = request.GroupBy.Distinct().ToList();
        var having = new List<string>();
        foreach (var (condition, i) in (request.Having ?? []).Select((c, i) => (c, i)))
        {
            having.Add($"{measureSql[condition.Measure]} {ComparisonSql[condition.Comparison]} $h{i}");
            parameters.Add(($"h{i}", condition.Value));
        }
        var dimensionColumns = dimensions.Select(d => $"{dimensionSql[d]} AS d_{d.ToString().ToLowerInvariant()}").ToList();
        var order = request.OrderBy is { } measure
            ? $"{measureSql[measure]} {(request.Descending ? "DESC" : "ASC")} NULLS LAST"
            : "";
        var dimensionOrder = string.Join(", ", dimensions.Select((_, i) => $"{i + 1}"));
        var orderBy = string.Join(", ", new[] { order, dimensionOrder }.Where(s => s.Length > 0));
        parameters.Add(("limit", request.Limit));
        parameters.Add(("offset", request.Offset));

        // Only what the caller asked for: a median sorts every group's values, the source list collects them, and each
        // further column read (denominator, is_synthetic) costs a third more at 87 million rows.
        string Measure(AggregateMeasure measure, string alias) =>
            request.Measures is null || request.Measures.Contains(measure) ? $"{measureSql[measure]} AS {alias}" : $"NULL::DOUBLE AS {alias}";
        var sql = $"""
            SELECT {string.Join("", dimensionColumns.Select(c => c + ", "))}
                {measureSql[AggregateMeasure.Count]} AS n, {Measure(AggregateMeasure.Min, "min")}, {Measure(AggregateMeasure.Max, "max")}, {Measure(AggregateMeasure.Mean, "mean")},
                {Measure(AggregateMeasure.WeightedMean, "weighted_mean")},
                {(request.IncludeWeightedCount ? source.WeightedCount : "0::BIGINT")} AS weighted_n,
                {Measure(AggregateMeasure.Median, "median")}, {Measure(AggregateMeasure.P25, "p25")}, {Measure(AggregateMeasure.P75, "p75")},
                {Measure(AggregateMeasure.StdDev, "stddev")},
                {(request.IncludeSynthetic ? source.Synthetic : "false")} AS synthetic,
                {(request.IncludeSources ? "list(DISTINCT o.source_id ORDER BY o.source_id)" : "[]::VARCHAR[]")} AS sources
            FROM {from}
            WHERE {where}
            {(dimensions.Count > 0 ? "GROUP BY ALL" : "")}
            {(having.Count > 0 ? "HAVING " + string.Join(" AND ", having) : "")}
            {(orderBy.Length > 0 ? "ORDER BY " + orderBy : "")}
            LIMIT $limit OFFSET $offset
            """;
        using var connection = database.OpenConnection();
        return [.. connection.Query(sql, r =>
        {
            string? Text(AggregateDimension d) => dimensions.Contains(d) && !r.IsDBNull(r.GetOrdinal($"d_{d.ToString().ToLowerInvariant()}"))
                ? Convert.ToString(r.GetValue(r.GetOrdinal($"d_{d.ToString().ToLowerInvariant()}")), System.Globalization.CultureInfo.InvariantCulture)
                : null;
            var key = new AggregateKey(
                Text(AggregateDimension.Indicator),
                Text(AggregateDimension.Region) is { } region ? RegionCode.Parse(region) : null,
                Text(AggregateDimension.Level) is { } level ? RegionLevels.FromStorageName(level) : null,
                Text(AggregateDimension.Province) is { } province ? RegionCode.Parse(province) : null,
                Text(AggregateDimension.Parent) is { } parent ? RegionCode.Parse(parent) : null,
                Text(AggregateDimension.Year) is { } year ? int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) : null,
                Text(AggregateDimension.Period) is { } period ? Period.SubPeriodFromCode(period) : null,
                Text(AggregateDimension.Source));
            return new AggregateRow(
                key,
                r.GetRequiredInt64("n"),
                Tidy(r.GetNullableDouble("min")),
                Tidy(r.GetNullableDouble("max")),
                Tidy(r.GetNullableDouble("mean")),
                Tidy(r.GetNullableDouble("weighted_mean")),
                r.GetRequiredInt64("weighted_n"),
                Tidy(r.GetNullableDouble("median")),
                Tidy(r.GetNullableDouble("p25")),
                Tidy(r.GetNullableDouble("p75")),
                Tidy(r.GetNullableDouble("stddev")),
                r.GetRequiredBoolean("synthetic"),
                r.GetFieldValue<List<string>>(r.GetOrdinal("sources")));
        }, cancellationToken, [.. parameters])];
    }
}
