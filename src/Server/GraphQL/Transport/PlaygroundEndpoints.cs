namespace Kencana.Server.GraphQL.Transport;

/// <summary>
/// Serves GraphiQL's files, installed from npm by the build, beside the server. Only the four known files are ever
/// served; a name from the request never becomes a path.
/// </summary>
public static class PlaygroundEndpoints
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["graphiql.min.js"] = "text/javascript",
        ["graphiql.min.css"] = "text/css",
        ["react.production.min.js"] = "text/javascript",
        ["react-dom.production.min.js"] = "text/javascript",
    };

    private static string Directory => Path.Combine(AppContext.BaseDirectory, "playground");

    /// <summary>True when the build installed GraphiQL; otherwise the plain page is served.</summary>
    public static bool IsInstalled => Assets.Keys.All(name => File.Exists(Path.Combine(Directory, name)));

    public static IEndpointRouteBuilder MapPlaygroundAssets(this IEndpointRouteBuilder app, string pattern)
    {
        app.MapGet(pattern + "/playground/{file}", (string file, HttpContext http) =>
        {
            if (!Assets.TryGetValue(file, out var contentType) || !File.Exists(Path.Combine(Directory, file)))
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(Path.Combine(Directory, file), contentType + "; charset=utf-8");
        });
        return app;
    }
}
