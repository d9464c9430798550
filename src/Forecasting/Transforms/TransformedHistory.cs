using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Transforms;

/// <summary>A series as the models see it: years, values and their model-space images. A backtest takes prefixes of
/// one history without copying.</summary>
internal sealed class TransformedHistory
{
    private readonly int[] years;
    private readonly double[] values;
    private readonly double[] z;

    private TransformedHistory(RegionIdentity region, ValueTransform transform, int[] years, double[] values, double[] z, int count)
    {
        Region = region;
        Transform = transform;
        this.years = years;
        this.values = values;
        this.z = z;
        Count = count;
    }

    public static TransformedHistory Of(Series series, ValueTransform transform)
    {
        var years = series.Points.Select(p => p.Year).ToArray();
        var values = series.Points.Select(p => p.Value).ToArray();
        var z = values.Select(transform.Forward).ToArray();
        return new TransformedHistory(series.Region, transform, years, values, z, years.Length);
    }

    public RegionIdentity Region { get; }

    public ValueTransform Transform { get; }

    public int Count { get; }

    public ReadOnlySpan<int> Years => years.AsSpan(0, Count);

    public ReadOnlySpan<double> Values => values.AsSpan(0, Count);

    public ReadOnlySpan<double> Z => z.AsSpan(0, Count);

    public int LastYear => years[Count - 1];

    public double LastZ => z[Count - 1];

    public double LastValue => values[Count - 1];

    /// <summary>The first <paramref name="count"/> points: what was known at that origin.</summary>
    public TransformedHistory Prefix(int count) =>
        count is < 1 || count > Count
            ? throw new ArgumentOutOfRangeException(nameof(count))
            : new TransformedHistory(Region, Transform, years, values, z, count);
}
