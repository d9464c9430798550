namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>
/// A curated relation of the SQL API: a table in the snapshot file, filled by one SELECT over the warehouse's own
/// tables, or a view over another relation of the snapshot.
/// </summary>
/// <param name="Name">The relation's name, as clients write it.</param>
/// <param name="Description">What a row is, written as the relation's comment.</param>
/// <param name="Columns">The columns, in order: exactly those the SELECT yields.</param>
/// <param name="Select">The SELECT over the warehouse's tables that fills the table (from code only, never from a request).</param>
/// <param name="ViewOver">For a view: the SELECT over the snapshot's own relations that defines it; then <paramref name="Select"/> is empty.</param>
public sealed record SnapshotRelation(string Name, string Description, IReadOnlyList<SnapshotColumn> Columns, string Select, string? ViewOver = null)
{
    /// <summary>True for a view over other relations of the snapshot.</summary>
    public bool IsView => ViewOver is not null;
}
