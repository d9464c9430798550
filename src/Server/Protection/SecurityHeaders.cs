namespace Kencana.Server.Protection;

/// <summary>
/// Headers that keep a browser from misusing the server's pages: no framing (clickjacking), no content sniffing, no
/// referrer leaking query strings. Added to every response, since a JSON answer gains nothing from being sniffed either.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            }
            return Task.CompletedTask;
        });
        await next(http);
    });
}
