using Kencana.Warehouse.Queries;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>
/// Healthy when the observations of the nation, provinces and kabupaten/kota of the current data version are held in
/// memory, or are not meant to be (the bound is 0, or they have more rows than it); degraded (still serving, more
/// slowly) while they load after a start or a write, or when their load failed: their series and pages are then read
/// with SQL, a few milliseconds each instead of well under one.
/// </summary>
/// <remarks>
/// Asking starts the load of a new data version if no request has yet, so a benchmark or an orchestrator that waits
/// for Healthy does not wait for a series request to come first.
/// </remarks>
internal sealed class UpperLevelsHealthCheck(UpperLevelObservations upperLevels) : IHealthCheck
{
    private const string Setting = "Warehouse:UpperLevelRowsInMemory";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var readiness = upperLevels.Readiness(cancellationToken);
        var data = new Dictionary<string, object> { ["dataVersion"] = readiness.DataVersion, ["holding"] = readiness.Holding.ToString() };
        if (readiness.Rows is { } rows)
        {
            data["rows"] = rows;
        }
        var what = $"Observations of the nation, provinces and kabupaten/kota of data version {readiness.DataVersion}";
        return Task.FromResult(readiness.Holding switch
        {
            UpperLevelHolding.Held => HealthCheckResult.Healthy($"{what} are held in memory ({readiness.Rows:N0} rows): their series and pages are answered without SQL.", data),
            UpperLevelHolding.Off => HealthCheckResult.Healthy($"{what} are read with SQL: {Setting} is 0.", data),
            UpperLevelHolding.TooMany => HealthCheckResult.Healthy(
                $"{what} are read with SQL: {readiness.Rows:N0} rows, more than {Setting} ({upperLevels.MaxRows:N0}).", data),
            UpperLevelHolding.Failed => HealthCheckResult.Degraded(
                $"{what} could not be loaded into memory ({readiness.Error}); their series and pages are read with SQL.", data: data),
            _ => HealthCheckResult.Degraded($"{what} are being loaded into memory; until then their series and pages are read with SQL, more slowly.", data: data),
        });
    }
}
