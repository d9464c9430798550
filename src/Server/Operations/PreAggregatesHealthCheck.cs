using Kencana.Warehouse.Aggregation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>
/// Healthy when the pre-aggregated table of the current observations version is built; degraded (still serving, more
/// slowly) while it is built after a start or an import, or when its build failed: national and provincial aggregates
/// are then answered from the observations, and a national one over 87 million rows takes a hundred times longer.
/// </summary>
/// <remarks>An orchestrator or a benchmark that waits for Healthy measures the server as it runs, not while it warms up.</remarks>
internal sealed class PreAggregatesHealthCheck(PreAggregates preAggregates) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var readiness = preAggregates.Readiness(cancellationToken);
        var data = new Dictionary<string, object> { ["observationsVersion"] = readiness.ObservationsVersion };
        if (readiness.BuiltVersion is { } built)
        {
            data["builtVersion"] = built;
        }
        var rows = preAggregates.RowsInMemory;
        if (rows is { } held)
        {
            data["rowsInMemory"] = held;
        }
        var where = rows is null ? "read with SQL (more rows than Warehouse:PreAggregateRowsInMemory)" : $"held in memory ({rows:N0} rows)";
        return Task.FromResult(readiness switch
        {
            { IsReady: true } => HealthCheckResult.Healthy($"Pre-aggregates of observations version {readiness.ObservationsVersion} are ready, {where}.", data),
            { LastError: { } error } => HealthCheckResult.Degraded(
                $"Pre-aggregates of observations version {readiness.ObservationsVersion} could not be built ({error}); aggregates are answered from the observations.", data: data),
            _ => HealthCheckResult.Degraded(
                $"Pre-aggregates of observations version {readiness.ObservationsVersion} are being built; until then aggregates are answered from the observations, more slowly.", data: data),
        });
    }
}
