namespace Kencana.Forecasting.Transforms;

/// <summary>ln(value) for strictly positive rates.</summary>
internal sealed class LogTransform : ValueTransform
{
    // exp overflows near 710; a rate e^50 times its unit is already nonsense, so clamping there only guards the maths.
    private const double MaxAbsZ = 50;

    public static LogTransform Instance { get; } = new();

    private LogTransform()
    {
    }

    public override double Forward(double value) => Math.Log(Math.Max(value, double.Epsilon));

    public override double Inverse(double z) => Math.Exp(Math.Clamp(z, -MaxAbsZ, MaxAbsZ));

    public override double Slope(double z) => Inverse(z);
}
