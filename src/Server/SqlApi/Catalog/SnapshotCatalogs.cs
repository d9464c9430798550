using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// The catalogue of each snapshot, read by the first session that needs it and shared by every session on the same
/// data version: a snapshot never changes, and psql asks for it on every <c>\d</c>.
/// </summary>
internal sealed class SnapshotCatalogs
{
    /// <summary>Catalogues kept: the newest snapshots' (sessions on an older one read theirs again if they ask).</summary>
    private const int Kept = 4;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, SnapshotCatalog> _byVersion = [];

    /// <summary>The catalogue of the snapshot of a data version; <paramref name="read"/> reads it the first time.</summary>
    /// <exception cref="SqlApiException">The engine refused or failed the read.</exception>
    public SnapshotCatalog For(int dataVersion, Func<SnapshotCatalog> read)
    {
        lock (_gate)
        {
            if (_byVersion.TryGetValue(dataVersion, out var known))
            {
                return known;
            }
        }
        // Read outside the lock: two first readers at once both read, and one result is kept.
        var catalog = read();
        lock (_gate)
        {
            _byVersion.TryAdd(dataVersion, catalog);
            while (_byVersion.Count > Kept)
            {
                _byVersion.Remove(_byVersion.Keys.First());
            }
        }
        return catalog;
    }
}
