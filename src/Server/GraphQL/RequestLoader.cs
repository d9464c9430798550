using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL;

/// <summary>
/// Per-request memory of sources and regions, so a result that cites the same source or parent many times reads it
/// once. Sources are few and are read all at once on first use.
/// </summary>
public sealed class RequestLoader(SourceCatalog sources, RegionDirectory regions)
{
    private Dictionary<string, Source>? _sources;
    private readonly Dictionary<RegionCode, Region?> _regions = [];
    private readonly Lock _gate = new();

    public Source Source(string id)
    {
        lock (_gate)
        {
            _sources ??= sources.GetAll().ToDictionary(s => s.Id);
            return _sources.TryGetValue(id, out var source)
                ? source
                : throw new InvalidOperationException($"Source {id} is cited but not in the warehouse.");
        }
    }

    public Region? Region(RegionCode code)
    {
        lock (_gate)
        {
            if (!_regions.TryGetValue(code, out var region))
            {
                region = regions.Find(code);
                _regions[code] = region;
            }
            return region;
        }
    }
}
