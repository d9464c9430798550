using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Storage.Migrations;

namespace Kencana.Warehouse.Seed;

/// <summary>How an existing warehouse of an older schema version is brought up to date.</summary>
internal enum SchemaUpgrade
{
    /// <summary>Replace it with a fresh build from the seed: it holds nothing else, so nothing is lost.</summary>
    Rebuild,

    /// <summary>Migrate it in place: it holds imported or generated data that a rebuild would drop.</summary>
    Migrate,
}

/// <summary>Chooses the <see cref="SchemaUpgrade"/> for a file, or refuses one that no upgrade can take without loss.</summary>
internal static class SchemaUpgradePolicy
{
    /// <exception cref="WarehouseUnavailableException">
    /// <see cref="WarehouseFault.SchemaUnsupported"/>: the file is newer than this program, is not a Kencana warehouse, or
    /// holds data of its own and has no migration path.
    /// </exception>
    public static SchemaUpgrade Decide(WarehouseDatabase database, WarehouseInfo info)
    {
        if (info.SchemaVersion > WarehouseSchema.Version)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.SchemaUnsupported, database.Path,
                $"it has schema {info.SchemaVersion}, written by a newer Kencana; this one knows up to {WarehouseSchema.Version}");
        }
        using var connection = database.OpenConnection();
        if (info.SchemaVersion == 0)
        {
            // Another program's DuckDB file must never be overwritten; an empty one is as good as missing.
            var tables = connection.Scalar<long>("SELECT count(*) FROM duckdb_tables()");
            return tables == 0
                ? SchemaUpgrade.Rebuild
                : throw WarehouseUnavailableException.For(WarehouseFault.SchemaUnsupported, database.Path,
                    $"it holds {tables} tables but no warehouse_info: it is not a Kencana warehouse");
        }
        var ownData = connection.Scalar<long>("SELECT count(*) FROM data_versions WHERE kind <> 'seed'");
        if (ownData == 0 && !info.IsSynthetic)
        {
            return SchemaUpgrade.Rebuild;
        }
        return SchemaMigrations.PathFrom(info.SchemaVersion) is not null
            ? SchemaUpgrade.Migrate
            : throw WarehouseUnavailableException.For(WarehouseFault.SchemaUnsupported, database.Path,
                $"it has schema {info.SchemaVersion} and {ownData} data versions beyond the seed, and no migration leads from schema {info.SchemaVersion} to {WarehouseSchema.Version}");
    }
}
