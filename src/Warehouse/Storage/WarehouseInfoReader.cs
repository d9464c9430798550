namespace Kencana.Warehouse.Storage;

/// <summary>What a warehouse file says about itself.</summary>
/// <param name="SchemaVersion">The schema version it was created with.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="SeedSha256">The fingerprint of the seed it was built from; null for generated warehouses.</param>
/// <param name="IsSynthetic">True for a warehouse written by the synthetic generator.</param>
public sealed record WarehouseInfo(int SchemaVersion, DateTime CreatedAt, string? SeedSha256, bool IsSynthetic);

/// <summary>Reads <see cref="WarehouseInfo"/> from a warehouse file.</summary>
public static class WarehouseInfoReader
{
    /// <summary>Reads the file's self-description; a file without one reports schema version 0.</summary>
    public static WarehouseInfo Read(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        var hasInfo = connection.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'warehouse_info'") > 0;
        if (!hasInfo)
        {
            return new WarehouseInfo(0, DateTime.MinValue, null, false);
        }
        return connection.Query(
            "SELECT schema_version, created_at, seed_sha256, is_synthetic FROM warehouse_info LIMIT 1",
            r => new WarehouseInfo(r.GetInt32(0), r.GetDateTime(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3))).Single();
    }
}
