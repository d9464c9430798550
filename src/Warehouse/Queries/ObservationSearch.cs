using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Pages through observations by filter, with a total count.</summary>
/// <param name="database">The warehouse.</param>
/// <param name="preAggregates">Counts from the pre-aggregated table where it can; none when null.</param>
/// <param name="upperLevels">Pages of the upper levels from memory where it can; none when null.</param>
public sealed class ObservationSearch(WarehouseDatabase database, Aggregation.PreAggregates? preAggregates = null, UpperLevelObservations? upperLevels = null)
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 1000;

    private static readonly Dictionary<ObservationOrder, string> OrderSql = new()
    {
        [ObservationOrder.RegionThenPeriod] = "o.indicator_code, o.region_code, o.year, o.period, o.is_default DESC, o.source_id",
        [ObservationOrder.PeriodAscending] = "o.year, o.period, o.indicator_code, o.region_code, o.source_id",
        [ObservationOrder.PeriodDescending] = "o.year DESC, o.period DESC, o.indicator_code, o.region_code, o.source_id",
        [ObservationOrder.ValueAscending] = "o.value, o.indicator_code, o.region_code, o.year, o.period, o.source_id",
        [ObservationOrder.ValueDescending] = "o.value DESC, o.indicator_code, o.region_code, o.year, o.period, o.source_id",
    };

    /// <summary>One page of observations, and whether more follow.</summary>
    /// <param name="filter">Which observations.</param>
    /// <param name="order">In which order.</param>
    /// <param name="limit">At most this many (1 to <see cref="MaxPageSize"/>).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Interrupts the query inside DuckDB.</param>
    /// <exception cref="UserInputException">The page size or offset is out of range.</exception>
    public ObservationPageResult Page(ObservationFilter filter, ObservationOrder order, int limit, long offset, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new UserInputException(ErrorCodes.PageSizeExceeded, $"Ask for 1 to {MaxPageSize} observations at a time (got {limit}).", "first");
        }
        if (offset < 0)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"The offset is {offset}; it cannot be negative.", "after");
        }
        if (upperLevels?.TryPage(filter, order, limit, offset) is { } held)
        {
            return held;
        }
        var (where, parameters) = filter.ToSql();
        // One row past the page tells whether another page follows, without a second query.
        parameters.Add(("limit", limit + 1));
        parameters.Add(("offset", offset));
        using var connection = database.OpenConnection();
        var rows = connection.Query(
            $"""
            SELECT {SeriesReader.ObservationColumnsOf("o")}
            FROM {filter.FromSql()}
            WHERE {where}
            ORDER BY {OrderSql[order]}
            LIMIT $limit OFFSET $offset
            """,
            SeriesReader.MapObservation, cancellationToken, [.. parameters]).ToList();
        return new ObservationPageResult([.. rows.Take(limit)], rows.Count > limit);
    }

    /// <summary>How many observations match the filter.</summary>
    public long Count(ObservationFilter filter, CancellationToken cancellationToken = default)
    {
        if (preAggregates?.TryCount(filter, cancellationToken) is { } counted)
        {
            return counted;
        }
        var (where, parameters) = filter.ToSql();
        using var connection = database.OpenConnection();
        return connection.Scalar<long>(
            $"SELECT count(*) FROM {filter.FromSql()} WHERE {where}", cancellationToken, [.. parameters]);
    }
}
