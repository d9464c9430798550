using System.Text.Json;
using Kencana.Server.Localization;
using Kencana.Warehouse.Export;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Kencana.Server.Export;

/// <summary>
/// Bulk data for BI tools: <c>GET /api/v1/export</c> is the catalogue, <c>GET /api/v1/export/{dataset}.{format}</c>
/// streams a dataset as CSV, Parquet, Arrow or an Excel workbook with the GraphQL API's filters as query parameters.
/// </summary>
/// <remarks>
/// Cache-Control is <c>no-cache</c> with an ETag rather than a max-age: data changes only with an import, but
/// when it does a dashboard must not show the old numbers for minutes without knowing. Revalidation costs one
/// look-up of the data version and answers 304 without a body, which is what saves the bulk of an export.
/// </remarks>
public static partial class ExportEndpoints
{
    public const string BasePath = "/api/v1/export";
    private const string CacheControl = "public, no-cache";
    private const string ExampleFilter = "indicator=STUNTING";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath);
        group.MapGet("", Catalog);
        group.MapMethods("/{dataset}.{format}", [HttpMethods.Get, HttpMethods.Head], ExportAsync);
        group.MapGet("/{dataset}", MissingFormat);
        return app;
    }

    private static Task Catalog(ExportDatasetRegistry registry, HttpContext http)
    {
        var catalog = registry.Catalog;
        var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        http.Response.Headers.CacheControl = CacheControl;
        return http.Response.WriteAsJsonAsync(new
        {
            datasets = catalog.Datasets.Select(d => new
            {
                d.Name,
                d.Title,
                d.Description,
                downloads = catalog.Formats.ToDictionary(f => f.Name, f => $"{BasePath}/{d.Name}.{f.Name}"),
                d.Columns,
                d.Filters,
                // Most readers guess a CSV column's type and take region codes for numbers; these name the types.
                readCsv = ExportReadRecipes.For(registry.Find(d.Name)!, $"{origin}{BasePath}/{d.Name}.csv?{ExampleFilter}")
                    .ToDictionary(r => r.Reader, r => r.Code),
            }),
            catalog.Formats,
            flight = "Arrow Flight serves the same datasets: ListFlights lists them; GetFlightInfo and DoGet take a command or ticket 'dataset?filters' with the query parameters of these URLs, for example 'observations?indicator=STUNTING&level=province'.",
        }, Json, http.RequestAborted);
    }

    private static IResult MissingFormat(string dataset, ExportDatasetRegistry registry, HttpContext http)
    {
        var known = registry.Find(dataset);
        var detail = known is null
            ? $"There is no dataset '{dataset}'. Datasets: {string.Join(", ", registry.Datasets.Select(d => d.Name))}."
            : $"Add the format to the name: {string.Join(", ", ExportFormats.All.Select(f => $"{known.Name}.{f.Extension()}"))}.";
        return new ExportProblem(404, known is null ? "unknown-dataset" : "unknown-format", known is null ? "Unknown dataset" : "Unknown format", detail).ToResult(http);
    }

    private static async Task ExportAsync(string dataset, string format, HttpContext http, ExportRequestParser parser, ExportService exports, PlannerTexts texts, ILoggerFactory loggers)
    {
        ExportRequest request;
        try
        {
            var parameters = http.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
            if (string.Equals(format, ExportFormat.Xlsx.Extension(), StringComparison.OrdinalIgnoreCase) && !http.Request.Query.ContainsKey(ExportParameter.Language))
            {
                // A spreadsheet's headers follow the browser's language when lang does not say; caches keep one per language.
                http.Response.Headers.Vary = "Accept-Language";
                parameters.Add(KeyValuePair.Create(ExportParameter.Language, (string?)(LanguageNegotiation.Choose(http.Request) ?? Language.Indonesian).Code()));
            }
            request = parser.Parse(dataset, format, parameters);
        }
        catch (InvalidExportRequestException ex)
        {
            await ex.Problem.ToResult(http).ExecuteAsync(http);
            return;
        }

        using var session = exports.Open(request);
        var etag = ExportETag.For(session.DataStamp, request, session.Revision(http.RequestAborted));
        var headers = http.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = CacheControl;
        if (etag.IsMatchedBy(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        try
        {
            session.CheckFits(http.RequestAborted);
        }
        catch (InvalidExportRequestException ex)
        {
            headers.Remove(HeaderNames.ETag);
            await ex.Problem.ToResult(http).ExecuteAsync(http);
            return;
        }
        headers.ContentType = request.Format == ExportFormat.Csv ? "text/csv; charset=utf-8; header=present" : request.Format.MediaType();
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = request.FileName }.ToString();
        headers["Kencana-Data-Version"] = session.DataStamp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        // Each batch goes out as it is written: no response buffering, whatever the size.
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var logger = loggers.CreateLogger(typeof(ExportEndpoints).FullName!);
        try
        {
            var labels = request.Language is { } code && Languages.TryParse(code, out var language) ? XlsxLabelTexts.For(texts, language) : null;
            await session.WriteAsync(http.Response.Body, labels, http.RequestAborted);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            LogClientLeft(logger, request.CanonicalKey);
        }
        catch (Exception ex) when (http.Response.HasStarted)
        {
            // A status line already went out: abort the connection so that the client sees a broken transfer, not a short file.
            LogFailed(logger, ex, request.CanonicalKey);
            http.Abort();
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, request.CanonicalKey);
            http.Response.Clear();
            await new ExportProblem(500, "export-failed", "Export failed", "The export failed before any data was sent; the server log has the cause.").ToResult(http).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {Request} stopped: the client went away")]
    private static partial void LogClientLeft(ILogger logger, string request);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {Request} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string request);
}
