using System.Text.Json;
using Kencana.Warehouse.Model;
using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// The 38 provinces' simplified boundaries from <c>data/geo/</c> (copied beside the server with the planner's files),
/// by Kemendagri code, read once. Longitude and latitude are drawn as they are: so close to the equator an
/// equirectangular map hardly distorts.
/// </summary>
internal sealed class ProvinceBoundaries
{
    private readonly Lazy<IReadOnlyDictionary<RegionCode, IReadOnlyList<Coordinates[]>>> _provinces;

    public ProvinceBoundaries()
        : this(Path.Combine(AppContext.BaseDirectory, "planner", "indonesia-38-provinces.geojson"))
    {
    }

    public ProvinceBoundaries(string path) => _provinces = new(() => Read(path), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Each province's outer rings (an island each), by code.</summary>
    /// <exception cref="FileNotFoundException">The build did not copy the boundaries.</exception>
    public IReadOnlyDictionary<RegionCode, IReadOnlyList<Coordinates[]>> Provinces => _provinces.Value;

    private static Dictionary<RegionCode, IReadOnlyList<Coordinates[]>> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var provinces = new Dictionary<RegionCode, IReadOnlyList<Coordinates[]>>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            // KODE_KEMENDAGRI is the Kemendagri code; data/geo/README.md says how the Papua provinces' were fixed.
            var code = RegionCode.Parse(feature.GetProperty("properties").GetProperty("KODE_KEMENDAGRI").GetString()!);
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            // Holes (the rings after the first) are lakes at this simplification: drawn filled like the land around them.
            provinces[code] = [.. polygons.Select(p => p.EnumerateArray().First().EnumerateArray()
                .Select(point => new Coordinates(point[0].GetDouble(), point[1].GetDouble())).ToArray())];
        }
        return provinces;
    }
}
