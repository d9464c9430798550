namespace Kencana.Forecasting.Intervals;

/// <summary>A scaled Student-t error, for when there are too few residuals for conformal ranks: its heavy tails widen
/// the interval the fewer the residuals, instead of pretending a handful of them pins down a 95% bound.</summary>
internal sealed class StudentTErrorDistribution : ErrorDistribution
{
    private readonly double degreesOfFreedom;
    private readonly double scale;

    public StudentTErrorDistribution(double degreesOfFreedom, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        this.degreesOfFreedom = degreesOfFreedom;
        this.scale = scale;
    }

    public override double Radius(double level) => scale * StudentT.Quantile((1 + level) / 2, degreesOfFreedom);

    public override double CentralMass(double distance) => (2 * StudentT.Cdf(distance / scale, degreesOfFreedom)) - 1;

    public override ErrorDistribution Scaled(double factor) => new StudentTErrorDistribution(degreesOfFreedom, scale * factor);
}
