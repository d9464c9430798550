using System.Diagnostics;

namespace Kencana.Bench;

/// <summary>Progress lines on standard error, stamped with the time since the run started; standard output stays the table.</summary>
/// <remarks>Writes synchronously rather than through <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines.</remarks>
internal sealed class StderrProgress : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value) => Console.Error.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {value}");
}
