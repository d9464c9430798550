using System.IO.Compression;
using Kencana.Server.GraphQL.Transport;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.ResponseCompression;
using OpenTelemetry.Metrics;

namespace Kencana.Server.Operations;

/// <summary>What an operator needs: health for the orchestrator, metrics for Prometheus, request logs, compression.</summary>
public static class OperationsExtensions
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<WarehouseHealthCheck>("warehouse", tags: ["ready"])
            .AddCheck<ForecastModelsHealthCheck>("forecast-models", tags: ["ready"])
            .AddCheck<PreAggregatesHealthCheck>("pre-aggregates", tags: ["ready"])
            .AddCheck<UpperLevelsHealthCheck>("upper-levels", tags: ["ready"]);
        builder.Services.AddSingleton<KencanaMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(KencanaMetrics.MeterName)
            .AddPrometheusExporter());
        // One line per request, with what is safe to log: never headers (tokens) or query strings (queries, values).
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        builder.Services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            // Parquet and Arrow are compressed already; GraphiQL's script, JSON and CSV shrink several times over.
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                [GraphQLHttpEndpoints.GraphQLResponseMediaType, "text/javascript", "text/csv", "image/svg+xml", "application/problem+json"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>Request logs and compression, first in the pipeline so they see every response.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseHttpLogging();
        app.UseResponseCompression();
        return app;
    }

    /// <summary><c>/health/live</c> (the process answers), <c>/health/ready</c> and <c>/health</c> (the checks), <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        // Open even in a closed deployment (Auth:AllowAnonymousRead=false): orchestrators probe without credentials.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
