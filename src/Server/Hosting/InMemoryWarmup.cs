using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Hosting;

/// <summary>
/// Starts building the current data version's pre-aggregated table, and loading the upper levels' series into memory,
/// when the server starts, so the first national or provincial aggregate need not scan the observations and the first
/// kabupaten/kota series need no statement. Both run in the background; until they are done, and for any newer
/// version until its own are, requests are answered from the observations.
/// </summary>
internal sealed partial class InMemoryWarmup(
    WarehouseInitializer warehouse, PreAggregates preAggregates, UpperLevelObservations upperLevels, ILogger<InMemoryWarmup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _build = Task.CompletedTask;
    private Task _load = Task.CompletedTask;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        warehouse.Prepare();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _build = preAggregates.BuildInBackground(_stopping.Token).ContinueWith(_ =>
        {
            if (preAggregates.LastError is { } error)
            {
                LogFailed(logger, error);
            }
            else
            {
                LogBuilt(logger, preAggregates.BuiltVersion ?? 0, clock.Elapsed.TotalSeconds);
            }
        }, TaskScheduler.Default);
        _load = upperLevels.LoadInBackground(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Interrupts a build still running, so the warehouse file is closed with the server.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed))
        {
            return; // a test host may dispose its services before it stops
        }
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // disposed while stopping: the build was cancelled by Dispose
        }
        await Task.WhenAll(_build, _load).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pre-aggregates for data version {Version} ready in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, int version, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pre-aggregates could not be built; aggregates are answered from the observations: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    public void Dispose()
    {
        if (!Volatile.Read(ref _disposed))
        {
            Volatile.Write(ref _disposed, true);
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
