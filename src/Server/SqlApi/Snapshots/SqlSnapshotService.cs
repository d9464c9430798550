using Kencana.Server.Hosting;
using Kencana.Warehouse.SqlApi;
using Kencana.Warehouse.SqlApi.Snapshots;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Kencana.Server.SqlApi.Snapshots;

/// <summary>
/// Builds the SQL API's snapshot of the current data version in the background when the server starts, and again
/// after each new data version (an import, a target change), then sends new sessions to it; sessions already open
/// keep theirs, which is deleted when the last of them ends.
/// </summary>
/// <remarks>
/// Every writer of the warehouse tells the in-memory data version clock of its commit, so looking for a new version
/// reads a number in memory; a poll every <see cref="SqlSandboxOptions.SnapshotPollInterval"/> costs nothing. A
/// version whose build failed is not tried again until the next version, so a broken build does not loop.
/// </remarks>
internal sealed partial class SqlSnapshotService(
    WarehouseInitializer warehouse,
    WarehouseDatabase database,
    SnapshotSessionSource sessions,
    SqlSandboxOptions options,
    IOptions<WarehouseOptions> warehouseOptions,
    ILogger<SqlSnapshotService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = options.ResolveSnapshotDirectory(warehouseOptions.Value);
        int? failed = null;
        try
        {
            // The warehouse grants the snapshot directory when it is prepared; prepared already, this returns at once.
            await Task.Run(warehouse.Prepare, stoppingToken);
            foreach (var stale in SnapshotDirectory.DeleteStale(root))
            {
                LogStale(logger, stale);
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                var version = database.CurrentDataVersion(stoppingToken);
                if (version != sessions.DataVersion && version != failed)
                {
                    try
                    {
                        var file = await Task.Run(() => SnapshotBuilder.Build(database, root, [], new LogProgress(logger), stoppingToken), stoppingToken);
                        sessions.Publish(file);
                        LogPublished(logger, file.DataVersion, file.Path);
                        failed = null;
                    }
                    catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or IOException or UnauthorizedAccessException or InvalidOperationException or WarehouseUnavailableException
                        && !stoppingToken.IsCancellationRequested)
                    {
                        failed = version;
                        LogFailed(logger, ex, version, ex.Message);
                    }
                }
                await Task.Delay(options.SnapshotPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (DuckDB.NET.Data.DuckDBException) when (stoppingToken.IsCancellationRequested)
        {
            // A build interrupted by the stop.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: new sessions read data version {Version} ({Path})")]
    private static partial void LogPublished(ILogger logger, int version, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: removed the snapshot left from an earlier run: {Directory}")]
    private static partial void LogStale(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: deleted the snapshot of data version {Version} ({Path}): no session reads it any more")]
    internal static partial void LogDeleted(ILogger logger, int version, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQL API: the snapshot of data version {Version} could not be built; sessions keep the previous one, and the next data version is tried again: {Message}")]
    private static partial void LogFailed(ILogger logger, Exception exception, int version, string message);

    /// <summary>Logs each build step as it happens (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => LogStep(logger, value);
    }
}
