using Kencana.Server.Forecasting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>
/// Healthy when the start-up indicators' forecasting models are in memory; degraded (still serving) while they train,
/// since a forecast then waits for its model instead of answering at once.
/// </summary>
internal sealed class ForecastModelsHealthCheck(ModelRegistry models, ForecastingOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = models.Loaded;
        var missing = options.WarmIndicators.Where(i => !loaded.Contains(i, StringComparer.Ordinal)).ToList();
        var data = new Dictionary<string, object> { ["loaded"] = loaded.Order(StringComparer.Ordinal).ToArray() };
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Models loaded: {string.Join(", ", loaded.Order(StringComparer.Ordinal))}.", data)
            : HealthCheckResult.Degraded($"Models not loaded yet: {string.Join(", ", missing)}; forecasts of these train on first use.", data: data));
    }
}
