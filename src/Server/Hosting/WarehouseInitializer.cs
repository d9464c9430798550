using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Hosting;

/// <summary>
/// Makes the warehouse ready before the server takes requests: checks the file, builds it from the seed when it is
/// missing (and may be built) or a rebuild is asked for, then holds it open with DuckDB's file access limited to the
/// granted directories.
/// </summary>
/// <remarks>
/// The program runs <see cref="Prepare"/> itself before the host starts, so that a bad warehouse ends the process
/// with one log line and its exit code rather than the host's stack trace; as a hosted service it also prepares the
/// warehouse for hosts started some other way, such as the integration tests' WebApplicationFactory.
/// </remarks>
internal sealed partial class WarehouseInitializer(
    IOptions<WarehouseOptions> options,
    WarehouseDatabase database,
    IEnumerable<WarehouseDirectoryGrant> grants,
    ILogger<WarehouseInitializer> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _keepOpen;

    /// <summary>Prepares the warehouse once; later calls return at once.</summary>
    /// <exception cref="WarehouseUnavailableException">The warehouse cannot be used; the message names the path and the fix.</exception>
    public void Prepare()
    {
        lock (_gate)
        {
            if (_keepOpen is not null)
            {
                return;
            }
            var settings = options.Value;
            var path = settings.ResolvePath();
            var seed = settings.ResolveSeedDirectory();
            var outcome = SeedLoader.EnsureBuilt(path, seed, settings.Rebuild, new LogProgress(logger), createIfMissing: settings.MayCreate);
            if (outcome.Built)
            {
                LogBuilt(logger, path, outcome.Elapsed.TotalSeconds, outcome.ObservationRows);
            }
            if (outcome.MigratedFrom is int from)
            {
                LogMigrated(logger, path, from, WarehouseSchema.Version, outcome.Elapsed.TotalSeconds);
            }
            if (outcome.SeedChanged)
            {
                LogSeedChanged(logger, seed, path);
            }
            else if (!outcome.Built)
            {
                LogUsing(logger, path);
            }
            // Only after the seed build, which reads data/seed through DuckDB on a connection of its own.
            var allowed = grants.ToList();
            foreach (var grant in allowed)
            {
                Directory.CreateDirectory(grant.Directory);
            }
            _keepOpen = database.KeepOpen([.. allowed.Select(g => g.Directory)], string.IsNullOrWhiteSpace(settings.MemoryLimit) ? null : settings.MemoryLimit.Trim(), settings.Threads);
            LogLockedDown(logger, allowed.Count == 0 ? "none" : string.Join("; ", allowed.Select(g => $"{Path.GetFullPath(g.Directory)} ({g.Purpose})")));
        }
    }

    /// <summary>Prepares the warehouse; on failure logs the one line that says what to do and returns the exit code.</summary>
    public int? TryPrepare()
    {
        try
        {
            Prepare();
            return null;
        }
        catch (WarehouseUnavailableException ex)
        {
            LogUnavailable(logger, ex.Message);
            return ExitCodes.For(ex.Fault);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Prepare();
        return Task.CompletedTask;
    }

    /// <remarks>
    /// The warehouse stays open until the host disposes its services, after every request and background training has
    /// ended. Released at stop, the last reference of DuckDB.NET's per-file connection count would drop while those
    /// still open and close connections, closing and reopening the database under them; DuckDB.NET's cache then raced
    /// ("kencana.duckdb has been returned too many times") and test hosts failed their clean-up now and then.
    /// </remarks>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_gate)
        {
            _keepOpen?.Dispose();
            _keepOpen = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse built from the seed at {Path} in {Seconds:F1} s ({Rows} observations)")]
    private static partial void LogBuilt(ILogger logger, string path, double seconds, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse {Path} migrated in place from schema {From} to {To} in {Seconds:F1} s; every stored row kept")]
    private static partial void LogMigrated(ILogger logger, string path, int from, int to, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seed in {Seed} changed since the warehouse {Path} was built. Restart with --rebuild to load it (imported data will be dropped).")]
    private static partial void LogSeedChanged(ILogger logger, string seed, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse: {Path}")]
    private static partial void LogUsing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse: DuckDB may touch no files outside the warehouse except in: {Directories}")]
    private static partial void LogLockedDown(ILogger logger, string directories);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogUnavailable(ILogger logger, string message);

    /// <summary>Logs each build step as it happens (Progress&lt;T&gt; would post them later, out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<string>
    {
        public void Report(string value) => LogStep(logger, value);
    }
}
