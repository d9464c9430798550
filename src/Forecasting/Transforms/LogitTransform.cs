namespace Kencana.Forecasting.Transforms;

/// <summary>logit(value / 100) for percentages and 0-100 indices.</summary>
internal sealed class LogitTransform : ValueTransform
{
    // 0% and 100% have no logit. Clamping to 0.01%..99.99% keeps an observed 0 or 100 usable while costing less than
    // any published precision.
    private const double Epsilon = 1e-4;
    private static readonly double MinZ = Math.Log(Epsilon / (1 - Epsilon));
    private static readonly double MaxZ = -MinZ;

    public static LogitTransform Instance { get; } = new();

    private LogitTransform()
    {
    }

    public override double Forward(double value)
    {
        var p = Math.Clamp(value / 100, Epsilon, 1 - Epsilon);
        return Math.Log(p / (1 - p));
    }

    public override double Inverse(double z) => 100 / (1 + Math.Exp(-Math.Clamp(z, MinZ, MaxZ)));

    public override double Slope(double z)
    {
        var p = Inverse(z) / 100;
        return 100 * p * (1 - p);
    }
}
