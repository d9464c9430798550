namespace Kencana.Server.Cli;

/// <summary>Writes progress lines to standard error at once, keeping standard output for results.</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public void Report(string value) => Console.Error.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {value}");
}
