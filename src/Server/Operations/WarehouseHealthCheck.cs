using Kencana.Warehouse.Queries;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>Ready when the warehouse answers a query: it is open, readable, and has loaded data.</summary>
internal sealed class WarehouseHealthCheck(DataVersionLog versions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latest = versions.Latest();
            return Task.FromResult(latest is null
                ? HealthCheckResult.Unhealthy("The warehouse holds no data version: it was never loaded.")
                : HealthCheckResult.Healthy($"Data version {latest.Number}.", new Dictionary<string, object> { ["dataVersion"] = latest.Number }));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The warehouse does not answer.", ex));
        }
    }
}
