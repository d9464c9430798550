namespace Kencana.Bench.Api;

/// <summary>Percentiles and mean of a set of timings, in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P99, double Mean, double Max)
{
    /// <summary>Nearest-rank percentiles: p99 of 300 timings is the 297th fastest.</summary>
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, Rank(0.50), Rank(0.99), sorted.Average(), sorted[^1]);
    }
}
