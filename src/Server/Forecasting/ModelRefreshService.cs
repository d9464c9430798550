using Kencana.Warehouse.Errors;

namespace Kencana.Server.Forecasting;

/// <summary>
/// Trains the warm indicators at start-up and retrains loaded models when the data version changes, off the request
/// path: queries keep using the previous model until the new one is ready.
/// </summary>
internal sealed partial class ModelRefreshService(ModelRegistry registry, ForecastingOptions options, ILogger<ModelRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = -1;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(options.RefreshSeconds, 1)));
        do
        {
            var version = -1;
            try
            {
                version = registry.CurrentDataVersion;
            }
            catch (Kencana.Warehouse.Storage.WarehouseUnavailableException ex)
            {
                LogFailed(logger, "?", ex.Message);
            }
            if (version >= 0 && version != seen)
            {
                foreach (var indicator in options.WarmIndicators.Union(registry.Loaded, StringComparer.Ordinal))
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        // Awaited to its end even when the host stops (the token interrupts its warehouse reads), so no
                        // training outlives the host and opens warehouse connections while the host closes the warehouse.
                        await Task.Run(() => registry.Refresh(indicator, version, stoppingToken), CancellationToken.None);
                    }
                    catch (Exception) when (stoppingToken.IsCancellationRequested)
                    {
                        // The host is stopping and its services are going away under the training: nothing to report.
                        return;
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or UserInputException or IOException)
                    {
                        // An indicator without yearly data cannot be trained; try again only when the data changes.
                        LogFailed(logger, indicator, ex.Message);
                    }
                }
                seen = version;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background model training for {Indicator} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string indicator, string reason);
}
