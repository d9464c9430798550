using System.Data.Common;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Reads regions and their hierarchy.</summary>
public sealed class RegionDirectory(WarehouseDatabase database)
{
    /// <summary>The most regions one call returns.</summary>
    public const int MaxPageSize = 1000;

    internal const string Select = """
        SELECT code, name, level::VARCHAR AS level, parent_code, bps_code, population_total, population_male, population_female,
               population_year, population_source_id, area_km2
        FROM regions
        """;

    /// <summary>One region, or null when the code is unknown.</summary>
    public Region? Find(RegionCode code, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return connection.Query($"{Select} WHERE code = $code", Map, cancellationToken, ("code", code.Value)).SingleOrDefault();
    }

    /// <summary>Several regions by code, in one query; unknown codes are absent from the result.</summary>
    public IReadOnlyDictionary<RegionCode, Region> FindMany(IEnumerable<RegionCode> codes, CancellationToken cancellationToken = default)
    {
        var list = codes.Select(c => c.Value).Distinct().ToArray();
        if (list.Length == 0)
        {
            return new Dictionary<RegionCode, Region>();
        }
        using var connection = database.OpenConnection();
        return connection.Query($"{Select} WHERE list_contains($codes, code)", Map, cancellationToken, ("codes", list)).ToDictionary(r => r.Code);
    }

    /// <summary>
    /// Regions filtered by level and parent, in code order, a page at a time.
    /// </summary>
    /// <param name="level">Only this level, when given.</param>
    /// <param name="parent">Only direct children of this region, when given.</param>
    /// <param name="limit">At most this many (1 to <see cref="MaxPageSize"/>).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Interrupts the query inside DuckDB.</param>
    /// <exception cref="UserInputException">The page size or offset is out of range.</exception>
    public IReadOnlyList<Region> List(RegionLevel? level, RegionCode? parent, int limit = MaxPageSize, int offset = 0, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new UserInputException(ErrorCodes.PageSizeExceeded, $"Ask for 1 to {MaxPageSize} regions at a time (got {limit}).", "first");
        }
        if (offset < 0)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"The offset is {offset}; it cannot be negative.", "offset");
        }
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            $"""
            {Select}
            WHERE ($level IS NULL OR level = CAST($level AS region_level)) AND ($parent IS NULL OR parent_code = $parent)
            ORDER BY code LIMIT $limit OFFSET $offset
            """,
            Map, cancellationToken,
            ("level", level?.ToStorageName()), ("parent", parent?.Value), ("limit", limit), ("offset", offset))];
    }

    /// <summary>The children of many regions at once, in one query, in code order.</summary>
    public ILookup<RegionCode, Region> ChildrenOf(IReadOnlyCollection<RegionCode> parents, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return connection.Query($"{Select} WHERE list_contains($parents, parent_code) ORDER BY code", Map, cancellationToken, ("parents", parents.Select(p => p.Value).Distinct().ToArray()))
            .ToLookup(r => r.ParentCode!.Value);
    }

    /// <summary>How many children each of many regions has, in one query; regions without children are absent.</summary>
    public IReadOnlyDictionary<RegionCode, long> CountChildren(IReadOnlyCollection<RegionCode> parents, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return connection.Query(
            "SELECT parent_code, count(*) FROM regions WHERE list_contains($parents, parent_code) GROUP BY parent_code",
            r => (Code: RegionCode.Parse(r.GetString(0)), Count: r.GetInt64(1)), cancellationToken,
            ("parents", parents.Select(p => p.Value).Distinct().ToArray()))
            .ToDictionary(x => x.Code, x => x.Count);
    }

    internal static Region Map(DbDataReader r)
    {
        var total = r.GetNullableInt64("population_total");
        return new Region(
            RegionCode.Parse(r.GetRequiredString("code")),
            r.GetRequiredString("name"),
            RegionLevels.FromStorageName(r.GetRequiredString("level")),
            r.GetNullableString("parent_code") is { } parent ? RegionCode.Parse(parent) : null,
            r.GetNullableString("bps_code"),
            total is null
                ? null
                : new Population(total.Value, r.GetNullableInt64("population_male") ?? 0, r.GetNullableInt64("population_female") ?? 0,
                    (int)(r.GetNullableInt64("population_year") ?? 0), r.GetNullableString("population_source_id") ?? ""),
            r.GetNullableDouble("area_km2"));
    }
}
