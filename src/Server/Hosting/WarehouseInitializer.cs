using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Hosting;

/// <summary>Builds the warehouse from the seed before the server takes requests, when it is missing or a rebuild is asked for.</summary>
internal sealed partial class WarehouseInitializer(IOptions<WarehouseOptions> options, WarehouseDatabase database, ILogger<WarehouseInitializer> logger) : IHostedService, IDisposable
{
    private IDisposable? _keepOpen;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var path = settings.ResolvePath();
        var seed = settings.ResolveSeedDirectory();
        var outcome = SeedLoader.EnsureBuilt(path, seed, settings.Rebuild, new LogProgress(logger));
        if (outcome.Built)
        {
            LogBuilt(logger, path, outcome.Elapsed.TotalSeconds, outcome.ObservationRows);
        }
        else if (outcome.SeedChanged)
        {
            LogSeedChanged(logger, seed, path);
        }
        else
        {
            LogUsing(logger, path);
        }
        _keepOpen = database.KeepOpen();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _keepOpen?.Dispose();
        _keepOpen = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse built from the seed at {Path} in {Seconds:F1} s ({Rows} observations)")]
    private static partial void LogBuilt(ILogger logger, string path, double seconds, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seed in {Seed} changed since the warehouse {Path} was built. Restart with --rebuild to load it (imported data will be dropped).")]
    private static partial void LogSeedChanged(ILogger logger, string seed, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse: {Path}")]
    private static partial void LogUsing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    /// <summary>Logs each build step as it happens (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => LogStep(logger, value);
    }
}
