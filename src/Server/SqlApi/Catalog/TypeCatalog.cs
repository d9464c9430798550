using Kencana.Server.SqlApi.Protocol;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// The answers to Npgsql's type-loading batch (its PostgresDatabaseInfo: the types, composite fields and enum
/// labels), made from the types the API serves: DuckDB's pg_catalog has no typreceive or pg_range, so the query
/// itself cannot run.
/// </summary>
internal static class TypeCatalog
{
    private static readonly SqlColumn[] TypeColumns =
    [
        new("nspname", SqlType.Text), new("oid", SqlType.Int8), new("typname", SqlType.Text),
        new("typtype", SqlType.Text), new("typnotnull", SqlType.Bool), new("elemtypoid", SqlType.Int8),
    ];

    /// <summary>True for the query that loads types (it reads pg_type, pg_proc's array_recv and names elemtypoid).</summary>
    public static bool IsTypeQuery(string sql) =>
        Has(sql, "pg_type") && Has(sql, "array_recv") && Has(sql, "elemtypoid") && Has(sql, "typnotnull");

    public static bool IsCompositeFieldQuery(string sql) =>
        Has(sql, "pg_attribute") && Has(sql, "atttypid") && Has(sql, "typrelid") && Has(sql, "pg_type") && !Has(sql, "array_recv");

    public static bool IsEnumLabelQuery(string sql) => Has(sql, "pg_enum") && Has(sql, "enumlabel");

    public static FixedResultSource Types()
    {
        var rows = new List<object?[]>();
        foreach (var type in PgType.All)
        {
            rows.Add(["pg_catalog", (long)type.Oid, type.Name, "b", false, null]);
        }
        rows.Add(["pg_catalog", 2249L, "record", "p", false, null]);
        rows.Add(["pg_catalog", 2278L, "void", "p", false, null]);
        foreach (var type in PgType.All.Where(t => t.ArrayOid != 0))
        {
            rows.Add(["pg_catalog", (long)type.ArrayOid, "_" + type.Name, "a", false, (long)type.Oid]);
        }
        return new FixedResultSource(TypeColumns, rows);
    }

    public static FixedResultSource CompositeFields() =>
        new([new("oid", SqlType.Int8), new("attname", SqlType.Text), new("atttypid", SqlType.Int8)], []);

    public static FixedResultSource EnumLabels() =>
        new([new("oid", SqlType.Int8), new("enumlabel", SqlType.Text)], []);

    private static bool Has(string sql, string word) => sql.Contains(word, StringComparison.OrdinalIgnoreCase);
}
