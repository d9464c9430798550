using System.Diagnostics;
using Kencana.Server.Export;
using Kencana.Server.Localization;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Export;
using Microsoft.Net.Http.Headers;

namespace Kencana.Server.Charts;

/// <summary>
/// Chart images for reports, drawn on the server: <c>GET /api/v1/charts/{chart}.{png|svg}</c> for the charts
/// <c>forecast</c>, <c>achievement</c> and <c>map</c>, sized by <c>width</c> and <c>height</c>, Indonesian unless
/// <c>lang=en</c>. Cached like the exports: an ETag from the data version, and 304 when it still matches.
/// </summary>
public static partial class ChartEndpoints
{
    public const string BasePath = "/api/v1/charts";

    /// <summary>Revalidated on every use (an import changes the numbers), answered 304 while nothing changed.</summary>
    private const string CacheControl = "public, no-cache";

    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(BasePath + "/{chart}.{format}", Draw);
        return app;
    }

    private static IResult Draw(string chart, string format, HttpContext http, IEnumerable<IChart> charts, ChartOptions options, PlannerTexts texts,
        ExportService exports, ILoggerFactory loggers)
    {
        // A chart goes into a report for the bupati: Indonesian whatever the browser says, unless lang asks otherwise.
        if (LanguageNegotiation.ChooseByParameter(http.Request) is not { } language)
        {
            return LanguageNegotiation.UnknownLanguage(http, texts);
        }
        var known = charts.ToList();
        try
        {
            var found = known.FirstOrDefault(c => string.Equals(c.Name, chart, StringComparison.OrdinalIgnoreCase))
                ?? throw new ChartProblemException(404, "unknown-chart", "Unknown chart",
                    texts.Get("chart.problem.unknownChart", language, string.Join(", ", known.Select(c => c.Name))), null);
            if (!ChartFormats.TryParse(format, out var chartFormat))
            {
                throw new ChartProblemException(404, "unknown-format", "Unknown format", texts.Get("chart.problem.unknownFormat", language, found.Name), null);
            }
            var request = ChartRequest.Parse(found, chartFormat, language, http.Request.Query, options, texts);
            // The stamp is read before the data, so that a tag is never newer than the image it names.
            var stamp = exports.ReadDataStamp();
            var drawing = found.Prepare(request, http.RequestAborted);
            var etag = ChartETag.For(stamp, request, drawing);
            var headers = http.Response.Headers;
            headers.ETag = etag.ToString();
            headers.CacheControl = CacheControl;
            headers.ContentLanguage = language.Code();
            if (etag.IsMatchedBy(http.Request))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            var started = Stopwatch.GetTimestamp();
            byte[] image;
            using (var plot = drawing.Draw())
            {
                image = ChartFrame.Render(plot, chartFormat, request.PixelWidth, request.PixelHeight);
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var logger = loggers.CreateLogger(typeof(ChartEndpoints).FullName!);
            LogDrawn(logger, found.Name, elapsed);
            headers["Kencana-Data-Version"] = stamp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = $"{found.Name}.{chartFormat.Extension()}";
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = name }.ToString();
            return Results.Bytes(image, chartFormat == ChartFormat.Svg ? chartFormat.MediaType() + "; charset=utf-8" : chartFormat.MediaType());
        }
        catch (ChartProblemException ex)
        {
            return ex.ToResult(http);
        }
        catch (UserInputException ex)
        {
            // The forecast service's refusals (no yearly values, a target year already covered), titled in the request's language.
            var status = ex.Code == ErrorCodes.NoData ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            var title = texts.Find("error." + ex.Code, language) ?? ex.Code;
            return new ChartProblemException(status, ex.Code.ToLowerInvariant().Replace('_', '-'), title, ex.Message, ex.Argument).ToResult(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chart {Chart} drawn in {Milliseconds:0} ms")]
    private static partial void LogDrawn(ILogger logger, string chart, double milliseconds);
}
