using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage.Migrations;

/// <summary>
/// Brings a warehouse written by an older schema up to <see cref="WarehouseSchema.Version"/> in place, so that an
/// upgrade of the server never costs the data imported or generated into the file.
/// </summary>
/// <remarks>
/// Every schema change adds its step here. A step only adds (tables, columns with defaults): data the new schema
/// derives from the seed, such as region lineage, comes with the next rebuild, which the start-up log offers as a
/// changed seed.
/// </remarks>
public static class SchemaMigrations
{
    /// <summary>The steps, one per version, in order.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "adds the region_lineage table (splits and renames of regions); its rows come from the seed", WarehouseSchema.RegionLineageTable),
        new(2, "adds the audit_log table (who wrote targets and imports, and when)", WarehouseSchema.AuditLogTable),
        new(3, "adds observations.region_key (each region code as an integer, for lookups of one region), rewriting the observations in their stored order",
            $"""
            ALTER TABLE observations RENAME TO observations_schema3;
            {WarehouseSchema.ObservationsTable}
            INSERT INTO observations BY NAME
            SELECT *, {RegionKeyColumn.From("region_code")} AS region_key FROM observations_schema3 ORDER BY {ObservationLayout.Order};
            DROP TABLE observations_schema3;
            """),
    ];

    /// <summary>The steps from <paramref name="version"/> to the current version, or null when there is no such path.</summary>
    public static IReadOnlyList<SchemaMigration>? PathFrom(int version)
    {
        if (version < 1 || version > WarehouseSchema.Version)
        {
            return null;
        }
        var steps = All.Where(m => m.From >= version).OrderBy(m => m.From).ToList();
        for (var (i, expected) = (0, version); i < steps.Count; i++, expected++)
        {
            if (steps[i].From != expected)
            {
                return null;
            }
        }
        return steps.Count == WarehouseSchema.Version - version ? steps : null;
    }

    /// <summary>Runs the steps from <paramref name="version"/> in one transaction: all of them, or none.</summary>
    /// <returns>The steps run.</returns>
    /// <exception cref="InvalidOperationException">No path leads from <paramref name="version"/> to the current version.</exception>
    public static IReadOnlyList<SchemaMigration> Apply(DuckDBConnection connection, int version)
    {
        var steps = PathFrom(version)
            ?? throw new InvalidOperationException($"No migration leads from schema {version} to {WarehouseSchema.Version}.");
        using var transaction = connection.BeginTransaction();
        foreach (var step in steps)
        {
            connection.Execute(step.Sql);
        }
        connection.Execute("UPDATE warehouse_info SET schema_version = $version", ("version", WarehouseSchema.Version));
        transaction.Commit();
        return steps;
    }
}
