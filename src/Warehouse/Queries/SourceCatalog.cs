using System.Data.Common;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Reads the sources values cite.</summary>
public sealed class SourceCatalog(WarehouseDatabase database)
{
    private const string Select = "SELECT id, title, publisher, url, published_on, priority, note, is_synthetic FROM sources";

    /// <summary>Every source, by priority then id.</summary>
    public IReadOnlyList<Source> GetAll()
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query($"{Select} ORDER BY priority, id", Map)];
    }

    /// <summary>Several sources by id, in one query.</summary>
    public IReadOnlyDictionary<string, Source> FindMany(IEnumerable<string> ids)
    {
        var list = ids.Distinct().ToArray();
        if (list.Length == 0)
        {
            return new Dictionary<string, Source>();
        }
        using var connection = database.OpenConnection();
        return connection.Query($"{Select} WHERE list_contains($ids, id)", Map, ("ids", list)).ToDictionary(s => s.Id);
    }

    internal static Source Map(DbDataReader r) => new(
        r.GetRequiredString("id"),
        r.GetRequiredString("title"),
        r.GetRequiredString("publisher"),
        r.GetNullableString("url"),
        r.IsDBNull(r.GetOrdinal("published_on")) ? null : r.GetFieldValue<DateOnly>(r.GetOrdinal("published_on")),
        r.GetRequiredInt32("priority"),
        r.GetNullableString("note"),
        r.GetRequiredBoolean("is_synthetic"));
}
