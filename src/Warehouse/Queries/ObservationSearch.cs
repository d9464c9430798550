using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Pages through observations by filter, with a total count.</summary>
public sealed class ObservationSearch(WarehouseDatabase database)
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

    /// <summary>One page of observations.</summary>
    /// <param name="filter">Which observations.</param>
    /// <param name="order">In which order.</param>
    /// <param name="limit">At most this many (1 to <see cref="MaxPageSize"/>).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Interrupts the query inside DuckDB.</param>
    public IReadOnlyList<Observation> Page(ObservationFilter filter, ObservationOrder order, int limit, long offset, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"Ask for 1 to {MaxPageSize} observations at a time.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var (where, parameters) = filter.ToSql();
        parameters.Add(("limit", limit));
        parameters.Add(("offset", offset));
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            $"""
            SELECT {SeriesReader.ObservationColumnsOf("o")}
            FROM {filter.FromSql()}
            WHERE {where}
            ORDER BY {OrderSql[order]}
            LIMIT $limit OFFSET $offset
            """,
            SeriesReader.MapObservation, cancellationToken, [.. parameters])];
    }

    /// <summary>How many observations match the filter.</summary>
    public long Count(ObservationFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = filter.ToSql();
        using var connection = database.OpenConnection();
        return connection.Scalar<long>(
            $"SELECT count(*) FROM {filter.FromSql()} WHERE {where}", cancellationToken, [.. parameters]);
    }
}
