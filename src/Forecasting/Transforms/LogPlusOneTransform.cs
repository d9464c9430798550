namespace Kencana.Forecasting.Transforms;

/// <summary>ln(1 + value) for counts, which can be zero.</summary>
internal sealed class LogPlusOneTransform : ValueTransform
{
    private const double MaxZ = 50;

    public static LogPlusOneTransform Instance { get; } = new();

    private LogPlusOneTransform()
    {
    }

    public override double Forward(double value) => Math.Log(1 + Math.Max(value, 0));

    // A model may extrapolate below ln(1) = 0; a count below zero does not exist.
    public override double Inverse(double z) => Math.Max(0, Math.Exp(Math.Min(z, MaxZ)) - 1);

    public override double Slope(double z) => z <= 0 ? 0 : Math.Exp(Math.Min(z, MaxZ));
}
