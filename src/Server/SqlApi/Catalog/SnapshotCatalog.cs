using System.Globalization;
using Kencana.Server.SqlApi.Protocol;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// The relations of one snapshot with their columns, types and comments, read from the snapshot's own catalogue
/// (duckdb_tables, duckdb_views, duckdb_columns) once per snapshot: what psql's describe commands are answered from.
/// </summary>
internal sealed class SnapshotCatalog
{
    private const string RelationsSql = """
        select table_oid, schema_name, table_name, false, comment, null, schema_name = current_schema()
        from duckdb_tables() where database_name = current_database() and not internal and not temporary
        union all
        select view_oid, schema_name, view_name, true, comment, sql, schema_name = current_schema()
        from duckdb_views() where database_name = current_database() and not internal and not temporary
        """;

    private const string ColumnsSql = """
        select table_oid, column_name, is_nullable, column_default, data_type, numeric_precision, numeric_scale, comment
        from duckdb_columns() where database_name = current_database() and not internal
        order by table_oid, column_index
        """;

    private readonly Dictionary<long, CatalogRelation> _byOid;

    public SnapshotCatalog(IReadOnlyList<CatalogRelation> relations)
    {
        Relations = [.. relations.OrderBy(r => r.Schema, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
        _byOid = relations.ToDictionary(r => r.Oid);
    }

    /// <summary>The relations, ordered by schema and name.</summary>
    public IReadOnlyList<CatalogRelation> Relations { get; }

    public CatalogRelation? Find(long oid) => _byOid.GetValueOrDefault(oid);

    /// <summary>
    /// Reads the catalogue through the session, on the session's own snapshot. Each column's type is the one the wire
    /// protocol serves it as (the session's Describe of the relation), so <c>\d</c> names what a client receives.
    /// </summary>
    /// <exception cref="SqlApiException">The engine refused or failed a catalogue read.</exception>
    public static SnapshotCatalog Read(ISqlSession session, CancellationToken cancellationToken)
    {
        var relations = new List<(long Oid, string Schema, string Name, bool IsView, string? Comment, string? Sql, bool Visible)>();
        using (var result = session.Execute(RelationsSql, [], cancellationToken))
        {
            while (result.Read())
            {
                relations.Add((Long(result.GetValue(0)), (string)result.GetValue(1)!, (string)result.GetValue(2)!, (bool)result.GetValue(3)!,
                    result.GetValue(4) as string, result.GetValue(5) as string, result.GetValue(6) is true));
            }
        }
        var columns = new Dictionary<long, List<(string Name, bool Nullable, string? Default, string DataType, int? Precision, int? Scale, string? Comment)>>();
        using (var result = session.Execute(ColumnsSql, [], cancellationToken))
        {
            while (result.Read())
            {
                var oid = Long(result.GetValue(0));
                if (!columns.TryGetValue(oid, out var list))
                {
                    columns[oid] = list = [];
                }
                list.Add(((string)result.GetValue(1)!, result.GetValue(2) is not false, result.GetValue(3) as string, (string)result.GetValue(4)!,
                    Int(result.GetValue(5)), Int(result.GetValue(6)), result.GetValue(7) as string));
            }
        }
        var catalog = new List<CatalogRelation>(relations.Count);
        foreach (var relation in relations)
        {
            // The names come from the snapshot's own catalogue, quoted as identifiers.
            var shape = session.Describe($"select * from {Quote(relation.Schema)}.{Quote(relation.Name)}");
            var described = columns.GetValueOrDefault(relation.Oid) ?? [];
            var list = new List<CatalogColumn>(shape.Columns.Count);
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var type = PgType.Of(shape.Columns[i].Type);
                var engine = i < described.Count && described[i].Name == shape.Columns[i].Name ? described[i] : default;
                var decimalType = engine.DataType?.StartsWith("DECIMAL", StringComparison.Ordinal) == true;
                list.Add(new CatalogColumn(shape.Columns[i].Name, PgTypeNames.Of(type, decimalType ? engine.Precision : null, decimalType ? engine.Scale : null),
                    type.Length > 0, engine.Name is not null && !engine.Nullable, engine.Default, engine.Comment));
            }
            catalog.Add(new CatalogRelation(relation.Oid, relation.Schema, relation.Name, relation.IsView, relation.Comment,
                relation.Sql is null ? null : ViewSelect(relation.Sql), relation.Visible, list));
        }
        return new SnapshotCatalog(catalog);
    }

    /// <summary>The SELECT of DuckDB's <c>CREATE VIEW name AS SELECT ...;</c>, as pg_get_viewdef gives it.</summary>
    internal static string ViewSelect(string createView)
    {
        var text = createView.Trim();
        var select = text.StartsWith("CREATE VIEW ", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(" AS ", StringComparison.OrdinalIgnoreCase) : -1;
        return select < 0 ? text : " " + text[(select + 4)..];
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
