using System.Diagnostics;

namespace Kencana.Bench.Api;

/// <summary>Progress lines on standard error, stamped with the time since the harness started; standard output stays Markdown.</summary>
internal sealed class StderrProgress : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value) => Console.Error.WriteLine($"[bench-api {_clock.Elapsed:hh\\:mm\\:ss}] {value}");
}
