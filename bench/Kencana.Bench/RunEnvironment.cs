using System.Runtime.InteropServices;

namespace Kencana.Bench;

/// <summary>The machine and libraries a run measured, so numbers pasted into an issue say where they came from.</summary>
internal sealed record RunEnvironment(int Cores, string OperatingSystem, string Runtime, string DuckDb, string Build, DateTimeOffset Started, string LoadAtStart)
{
    public static RunEnvironment Capture() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        BareDuckDb.Version(),
#if DEBUG
        "Debug build (numbers not representative)",
#else
        "Release build",
#endif
        DateTimeOffset.UtcNow,
        MachineLoad.Read());

    public string Describe() =>
        $"{Cores} cores, {OperatingSystem}, {Runtime}, DuckDB {DuckDb}, {Build}, started {Started:yyyy-MM-dd HH:mm} UTC";
}
