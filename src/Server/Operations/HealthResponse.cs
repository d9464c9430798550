using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>The health report as JSON: the overall status and each check's status and description, never exception details.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonSerializerOptions.Web, http.RequestAborted);
    }
}
