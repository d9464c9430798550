using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Intervals;

/// <summary>A central prediction interval in the indicator's unit: the value should fall inside it with probability
/// <see cref="Level"/>.</summary>
/// <param name="Level">The nominal coverage, 0.8 or 0.95.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record PredictionInterval(double Level, double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies inside, bounds included.</summary>
    /// <param name="value">The value to test.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Upper minus lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>The interval around a model-space forecast, mapped back to the indicator's unit. Bounds are computed
    /// in model space, so they respect the indicator's range however wide the errors.</summary>
    internal static PredictionInterval Around(double center, ErrorDistribution errors, double level, ValueTransform transform)
    {
        var radius = errors.Radius(level);
        return new PredictionInterval(level, transform.Inverse(center - radius), transform.Inverse(center + radius));
    }
}
