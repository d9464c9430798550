using System.Globalization;

namespace Kencana.Bench;

/// <summary>How the report writes times, rates, sizes and ratios: invariant culture, units spelled out.</summary>
internal static class Quantity
{
    private const double BytesPerMiB = 1024 * 1024;

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 0.1 => Invariant($"{elapsed.TotalMilliseconds:F1} ms"),
        < 10 => Invariant($"{elapsed.TotalSeconds:F2} s"),
        _ => Invariant($"{elapsed.TotalSeconds:F1} s"),
    };

    public static string Count(long count) => Invariant($"{count:N0}");

    public static string RowsPerSecond(double rate) => Invariant($"{rate:N0} rows/s");

    public static string RowsPerSecond(long rows, TimeSpan elapsed) => RowsPerSecond(Rate(rows, elapsed));

    public static double Rate(long rows, TimeSpan elapsed) => rows / Math.Max(elapsed.TotalSeconds, 1e-9);

    public static string MiB(long bytes) => Invariant($"{bytes / BytesPerMiB:N1} MiB");

    public static string BytesPerRow(long bytes, long rows) => Invariant($"{(double)bytes / Math.Max(rows, 1):F1} bytes/row");

    /// <summary>A ratio of Kencana to DuckDB; <paramref name="of"/> says what is compared ("time", "rate").</summary>
    public static string Ratio(double ratio, string of) => ratio switch
    {
        >= 10 => Invariant($"{ratio:F0}x the {of}"),
        >= 0.1 => Invariant($"{ratio:F2}x the {of}"),
        _ => Invariant($"{ratio:F3}x the {of}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
