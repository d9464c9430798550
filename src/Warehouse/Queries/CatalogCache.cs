using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>
/// Hands out the <see cref="CatalogSnapshot"/> of the current data version: checking the version costs one small
/// statement, and the catalogues are read again only when it has changed.
/// </summary>
public sealed class CatalogCache(WarehouseDatabase database)
{
    private readonly Lock _gate = new();
    private Entry? _current;

    /// <summary>The catalogues of the data version the warehouse holds now.</summary>
    /// <param name="cancellationToken">Interrupts the version check inside DuckDB.</param>
    public CatalogSnapshot Current(CancellationToken cancellationToken = default)
    {
        var version = new DataVersionLog(database).CurrentNumber(cancellationToken);
        var entry = Volatile.Read(ref _current);
        if (entry is null || entry.Version != version)
        {
            lock (_gate)
            {
                if (_current is null || _current.Version != version)
                {
                    // Built once, by the first request that needs it; the others wait rather than each read 91,600 regions.
                    _current = new Entry(version, new Lazy<CatalogSnapshot>(() => Load(version), LazyThreadSafetyMode.ExecutionAndPublication));
                }
                entry = _current;
            }
        }
        return entry.Snapshot.Value;
    }

    private CatalogSnapshot Load(int version)
    {
        var indicators = new IndicatorCatalog(database).GetAll().ToDictionary(i => i.Code, StringComparer.Ordinal);
        var sources = new SourceCatalog(database).GetAll().ToDictionary(s => s.Id, StringComparer.Ordinal);
        using var connection = database.OpenConnection();
        var regions = connection.Query(RegionDirectory.Select, RegionDirectory.Map).ToDictionary(r => r.Code);
        return new CatalogSnapshot(version, indicators, sources, regions);
    }

    private sealed record Entry(int Version, Lazy<CatalogSnapshot> Snapshot);
}
