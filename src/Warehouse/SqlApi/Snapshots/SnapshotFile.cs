namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>A complete snapshot of the curated relations of one data version.</summary>
/// <param name="DataVersion">The warehouse's data version the snapshot shows.</param>
/// <param name="Path">The snapshot's DuckDB file, alone in a directory of its own (<see cref="SnapshotDirectory"/>).</param>
public sealed record SnapshotFile(int DataVersion, string Path);
