using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Kencana.Server.Identity;
using Kencana.Warehouse.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Kencana.Server.Protection;

/// <summary>
/// One fixed window per minute for each caller and kind of request: identities by their key or token, anonymous
/// callers (and callers whose credentials failed, so that key guessing is limited too) by IP address.
/// </summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var path = http.Request.Path;
            if (!limits.Enabled || path.StartsWithSegments("/health"))
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }
            var caller = Caller.From(http.User);
            var who = caller.IsAuthenticated ? caller.Actor : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            var (kind, permits) = path.StartsWithSegments("/api/v1/imports") ? ("import", limits.ImportsPerMinute)
                : path.StartsWithSegments("/api/v1/export") ? ("export", caller.IsAuthenticated ? limits.IdentifiedExportsPerMinute : limits.AnonymousExportsPerMinute)
                : ("request", caller.IsAuthenticated ? limits.IdentifiedPerMinute : limits.AnonymousPerMinute);
            return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{who}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = (context, cancellationToken) => Reject(context.HttpContext, context.Lease, cancellationToken);
    }

    private static ValueTask Reject(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests from this {(Caller.From(http.User).IsAuthenticated ? "identity" : "address")}: try again in {seconds} s. The limits are set in the RateLimits configuration section; an API key gets more than an anonymous caller.";
        if (http.Request.Path.StartsWithSegments("/graphql") && !http.Request.Path.StartsWithSegments("/graphql/documents"))
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            return new ValueTask(http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message = detail, extensions = new { code = ErrorCodes.RateLimited } } } }, JsonSerializerOptions.Web), cancellationToken));
        }
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        return new ValueTask(http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            type = "urn:kencana:problem:rate-limited",
            title = "Too many requests",
            status = 429,
            detail,
            code = ErrorCodes.RateLimited,
        }, JsonSerializerOptions.Web), cancellationToken));
    }
}
