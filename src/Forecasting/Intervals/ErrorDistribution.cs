namespace Kencana.Forecasting.Intervals;

/// <summary>The distribution of a forecast's model-space error, taken as symmetric about zero so that the point
/// forecast is its median. Intervals and the probability of reaching a target both come from it, so they always
/// agree.</summary>
internal abstract class ErrorDistribution
{
    /// <summary>The half-width of the central interval holding <paramref name="level"/> of the errors.</summary>
    public abstract double Radius(double level);

    /// <summary>P(|error| ≤ <paramref name="distance"/>).</summary>
    public abstract double CentralMass(double distance);

    /// <summary>The same shape, <paramref name="factor"/> times as wide.</summary>
    public abstract ErrorDistribution Scaled(double factor);

    /// <summary>P(error ≤ <paramref name="x"/>).</summary>
    public double Cdf(double x) => 0.5 + (0.5 * Math.Sign(x) * CentralMass(Math.Abs(x)));
}
