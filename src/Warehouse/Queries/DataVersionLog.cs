using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Reads the log of data versions.</summary>
public sealed class DataVersionLog(WarehouseDatabase database)
{
    /// <summary>Every version, newest first.</summary>
    public IReadOnlyList<DataVersion> GetAll()
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            "SELECT version, loaded_at, kind, description, file_name, file_sha256, observation_rows, target_rows, source_rows FROM data_versions ORDER BY version DESC",
            r => new DataVersion(r.GetInt32(0), r.GetDateTime(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)))];
    }

    /// <summary>The newest version's number, 0 for an empty warehouse, for caches keyed by it: see <see cref="WarehouseDatabase.CurrentDataVersion"/>.</summary>
    public int CurrentNumber(CancellationToken cancellationToken = default) => database.CurrentDataVersion(cancellationToken);

    /// <summary>The newest version, or null for an empty warehouse.</summary>
    public DataVersion? Latest()
    {
        var all = GetAll();
        return all.Count > 0 ? all[0] : null;
    }
}
