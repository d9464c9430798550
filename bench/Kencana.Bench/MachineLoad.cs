namespace Kencana.Bench;

/// <summary>
/// The 1-minute load average, printed with the results: on a 2-core machine, a test run or build going on beside the
/// benchmark slows every figure, and the ratios too, since the two sides of a ratio run at different moments.
/// </summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    public static string Read() =>
        File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ', 2)[0] : "unknown";
}
