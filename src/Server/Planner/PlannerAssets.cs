namespace Kencana.Server.Planner;

/// <summary>
/// The planner page's files, copied beside the server by the build: its own script and style, Apache ECharts from
/// npm and the province boundaries. Only these names are ever served; a name from a request never becomes a path.
/// </summary>
internal static class PlannerAssets
{
    public const string ChartLibrary = "echarts.min.js";
    public const string Boundaries = "provinces.geojson";

    private static readonly Dictionary<string, (string File, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["planner.js"] = ("planner.js", "text/javascript; charset=utf-8"),
        ["planner.css"] = ("planner.css", "text/css; charset=utf-8"),
        [ChartLibrary] = ("echarts.min.js", "text/javascript; charset=utf-8"),
        // The build copies the boundaries under their own file name; the URL keeps a short one.
        [Boundaries] = ("indonesia-38-provinces.geojson", "application/geo+json"),
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "planner");

    /// <summary>True when the build installed Apache ECharts; without it the page shows its tables only.</summary>
    public static bool ChartsInstalled => File.Exists(Path.Combine(Directory, ChartLibrary));

    /// <summary>The file and media type for a served name; false for any other name or a file the build left out.</summary>
    public static bool TryFind(string name, out string path, out string contentType)
    {
        if (Files.TryGetValue(name, out var entry) && File.Exists(Path.Combine(Directory, entry.File)))
        {
            path = Path.Combine(Directory, entry.File);
            contentType = entry.ContentType;
            return true;
        }
        path = "";
        contentType = "";
        return false;
    }
}
