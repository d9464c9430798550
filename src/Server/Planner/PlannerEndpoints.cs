using Kencana.Server.Localization;

namespace Kencana.Server.Planner;

/// <summary>
/// The planner's workspace: <c>GET /planner</c> (Indonesian unless <c>lang=en</c>) and its files under <c>/planner/assets/</c>. The page reads everything it shows from <c>/graphql</c>.
/// </summary>
public static class PlannerEndpoints
{
    public const string Path = "/planner";

    public static IEndpointRouteBuilder MapPlannerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Page);
        app.MapGet(Path + "/assets/{file}", Asset);
        return app;
    }

    private static IResult Page(HttpContext http, PlannerTexts texts)
    {
        if (LanguageNegotiation.ChooseByParameter(http.Request) is not { } language)
        {
            return LanguageNegotiation.UnknownLanguage(http, texts);
        }
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ContentLanguage = language.Code();
        return Results.Content(PlannerPage.Html(language, texts, http.Request.PathBase), "text/html; charset=utf-8");
    }

    private static IResult Asset(string file, HttpContext http)
    {
        if (!PlannerAssets.TryFind(file, out var path, out var contentType))
        {
            return Results.NotFound();
        }
        // Revalidated each time: the files change with the server, and an unchanged one answers 304 by its ETag.
        http.Response.Headers.CacheControl = "public, no-cache";
        var info = new FileInfo(path);
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        return Results.File(path, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
