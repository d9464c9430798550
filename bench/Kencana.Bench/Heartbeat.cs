using System.Diagnostics;

namespace Kencana.Bench;

/// <summary>
/// Reports that a step is still running, every few seconds until disposed, for steps that report nothing
/// themselves (a DuckDB statement, an import's checking pass) and would otherwise look hung.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;

    public Heartbeat(IProgress<string> progress, string step)
    {
        _timer = new Timer(_ => progress.Report($"  ... {step}: still running after {_clock.Elapsed.TotalSeconds:F0} s"), null, Interval, Interval);
    }

    public void Dispose() => _timer.Dispose();
}
