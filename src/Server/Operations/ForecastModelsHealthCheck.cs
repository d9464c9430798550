using Kencana.Server.Forecasting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Operations;

/// <summary>
/// Healthy when the start-up indicators' forecasting models are in memory, or cannot be trained on this data version
/// (a monthly-only warehouse has no whole-year values: waiting would never end); degraded (still serving) while they
/// train, since a forecast then waits for its model instead of answering at once.
/// </summary>
internal sealed class ForecastModelsHealthCheck(ModelRegistry models, ForecastingOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = models.Loaded;
        var untrainable = models.Untrainable;
        var missing = options.WarmIndicators.Where(i => !loaded.Contains(i, StringComparer.Ordinal) && !untrainable.ContainsKey(i)).ToList();
        var data = new Dictionary<string, object> { ["loaded"] = loaded.Order(StringComparer.Ordinal).ToArray() };
        var cannot = "";
        if (untrainable.Count > 0)
        {
            data["untrainable"] = untrainable.Keys.Order(StringComparer.Ordinal).ToArray();
            cannot = " Cannot train: " + string.Join(" ", untrainable.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => u.Value));
        }
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Models loaded: {(loaded.Count == 0 ? "none" : string.Join(", ", loaded.Order(StringComparer.Ordinal)))}.{cannot}", data)
            : HealthCheckResult.Degraded($"Models not loaded yet: {string.Join(", ", missing)}; forecasts of these train on first use.{cannot}", data: data));
    }
}
