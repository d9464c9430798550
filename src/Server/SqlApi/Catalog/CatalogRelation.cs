namespace Kencana.Server.SqlApi.Catalog;

/// <summary>A relation of the snapshot as psql's describe commands show it (a row of pg_class).</summary>
/// <param name="Oid">The engine's own oid for it (duckdb_tables' table_oid, duckdb_views' view_oid, as its pg_class has).</param>
/// <param name="Schema">Its schema: main for the relations themselves, public for the aliases BI tools list.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsView">True for a view (relkind v), false for a table (relkind r).</param>
/// <param name="Description">Its comment, or null.</param>
/// <param name="Definition">A view's SELECT, for pg_get_viewdef; null for a table.</param>
/// <param name="Visible">True when an unqualified name reaches it (its schema is the engine's current schema), for pg_table_is_visible.</param>
/// <param name="Columns">Its columns, in order.</param>
internal sealed record CatalogRelation(long Oid, string Schema, string Name, bool IsView, string? Description, string? Definition, bool Visible, IReadOnlyList<CatalogColumn> Columns)
{
    /// <summary>pg_class.relkind.</summary>
    public char Kind => IsView ? 'v' : 'r';

    /// <summary>What psql's listings call the kind.</summary>
    public string KindName => IsView ? "view" : "table";
}
