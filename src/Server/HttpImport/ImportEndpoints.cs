using Kencana.Server.GraphQL.Transport;
using Kencana.Server.Identity;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.HttpImport;

/// <summary>
/// <c>POST /api/v1/imports</c>: a data steward sends a CSV or Parquet file as the body, and the server imports it
/// with the same all-or-nothing importer as the <c>import</c> command, as the warehouse's one writer. Imports take
/// turns with each other and with target writes; queries go on meanwhile.
/// </summary>
public static partial class ImportEndpoints
{
    public const string Path = "/api/v1/imports";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ImportAsync).RequireAuthorization(KencanaPolicies.Import);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, Importer importer, HttpImportOptions options, ILoggerFactory loggers)
    {
        var request = http.Request;
        var parquet = request.ContentType?.StartsWith("application/vnd.apache.parquet", StringComparison.OrdinalIgnoreCase) == true;
        var csv = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!csv && !parquet)
        {
            return Problem(http, 415, "unsupported-media-type", "Unsupported media type",
                $"Send the file as the body with Content-Type: text/csv or application/vnd.apache.parquet (got '{request.ContentType ?? "none"}').");
        }
        if (request.ContentLength > options.MaxBytes)
        {
            return Problem(http, 413, "import-too-large", "File too large", $"The file is {request.ContentLength} bytes; the limit (Import:MaxBytes) is {options.MaxBytes}.");
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Kestrel's default of 30 MB would cut a monthly extract short; Import:MaxBytes is the limit here.
            bodySize.MaxRequestBodySize = options.MaxBytes;
        }
        var name = FileName(request.Query["name"].ToString(), parquet ? ".parquet" : ".csv");
        // A directory per upload keeps the caller's file name (which the line-level errors quote) without collisions.
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(options.ResolveStagingDirectory(), Guid.NewGuid().ToString("N")));
        var staged = System.IO.Path.Combine(directory.FullName, name);
        try
        {
            try
            {
                await using var file = File.Create(staged);
                await using var body = new LimitedStream(request.Body, options.MaxBytes);
                await body.CopyToAsync(file, http.RequestAborted);
            }
            catch (RequestTooLargeException)
            {
                return Problem(http, 413, "import-too-large", "File too large", $"The file exceeds the limit (Import:MaxBytes) of {options.MaxBytes} bytes.");
            }
            var actor = Caller.From(http.User).ToAuditActor();
            // The importer blocks (DuckDB and its turn at the write gate), so it runs off the request thread.
            var report = await Task.Run(() => importer.Import([staged], new ImportOptions { Actor = actor }), http.RequestAborted);
            return Results.Ok(new
            {
                dataVersion = report.Files.Max(f => f.DataVersion),
                rowsRead = report.RowsRead,
                rowsAdded = report.RowsAdded,
                files = report.Files.Select(f => new
                {
                    f.File,
                    kind = f.Kind?.ToString().ToLowerInvariant(),
                    f.RowsRead,
                    f.RowsAdded,
                    f.RowsAlreadyPresent,
                    f.DataVersion,
                    f.AlreadyImported,
                }),
            });
        }
        catch (ImportFailedException ex)
        {
            return TypedResults.Problem(
                $"Import failed with {ex.TotalErrors} error(s); the warehouse is unchanged. Correct the lines listed and send the file again.",
                request.Path, 422, "Import rejected", "urn:kencana:problem:import-rejected",
                new Dictionary<string, object?>
                {
                    ["totalErrors"] = ex.TotalErrors,
                    ["errors"] = ex.Errors.Select(e => new { e.File, e.Line, e.Column, e.Message, text = e.ToString() }),
                });
        }
        catch (WarehouseUnavailableException ex)
        {
            LogUnavailable(loggers.CreateLogger(typeof(ImportEndpoints).FullName!), ex, ex.Message);
            return Problem(http, 503, "warehouse-unavailable", "Warehouse unavailable", "The warehouse could not be written (the server log says why); nothing changed. Try again later.");
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // temp is cleaned by the OS; the upload is no longer needed either way
            }
        }
    }

    /// <summary>The caller's file name without any directory, or a default; only what is safe in a path.</summary>
    private static string FileName(string given, string extension)
    {
        var name = System.IO.Path.GetFileName(given.Replace('\\', '/'));
        var safe = new string([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]).TrimStart('.');
        if (safe.Length == 0)
        {
            safe = "upload";
        }
        if (safe.Length > 100)
        {
            safe = safe[..100];
        }
        return System.IO.Path.HasExtension(safe) ? safe : safe + extension;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(HttpContext http, int status, string kind, string title, string detail) =>
        TypedResults.Problem(detail, http.Request.Path, status, title, $"urn:kencana:problem:{kind}");

    [LoggerMessage(Level = LogLevel.Error, Message = "An import over HTTP could not write the warehouse: {Message}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string message);
}
