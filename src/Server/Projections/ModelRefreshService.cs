namespace Kencana.Server.Projections;

/// <summary>
/// Trains the warm indicators at start-up and retrains loaded models when the data version changes, off the request
/// path: queries keep using the previous model until the new one is ready.
/// </summary>
internal sealed partial class ModelRefreshService(ModelRegistry registry, ProjectionOptions options, ILogger<ModelRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = -1;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(options.RefreshSeconds, 1)));
        do
        {
            try
            {
                var version = registry.CurrentDataVersion;
                if (version != seen)
                {
                    foreach (var indicator in options.WarmIndicators.Union(registry.Loaded, StringComparer.Ordinal))
                    {
                        stoppingToken.ThrowIfCancellationRequested();
                        await Task.Run(() => registry.Refresh(indicator, version), stoppingToken);
                    }
                    seen = version;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Kencana.Warehouse.Storage.WarehouseUnavailableException)
            {
                LogFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background model training failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
