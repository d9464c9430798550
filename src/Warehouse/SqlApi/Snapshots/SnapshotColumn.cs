using Kencana.Warehouse.Export;

namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>One column of a curated relation and what it means, written as its comment (<c>COMMENT ON COLUMN</c>).</summary>
/// <param name="Name">The column name.</param>
/// <param name="Description">What the column holds.</param>
public sealed record SnapshotColumn(string Name, string Description)
{
    /// <summary>The column of an export dataset, with the export catalogue's description: one description for both.</summary>
    public static SnapshotColumn From(ExportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new SnapshotColumn(column.Name, column.Description);
    }
}
