namespace Kencana.Forecasting.Intervals;

/// <summary>Split-conformal errors: the sorted absolute backtest residuals themselves. The radius for level L is the
/// ceil((n + 1) L)-th smallest residual, which covers a new exchangeable error with probability at least L.</summary>
internal sealed class ConformalErrorDistribution : ErrorDistribution
{
    private readonly double[] sorted;
    private readonly double scale;

    /// <param name="sortedAbsoluteResiduals">Ascending, at least <see cref="MinimumCount"/>.</param>
    /// <param name="scale">A factor applied to every residual.</param>
    public ConformalErrorDistribution(double[] sortedAbsoluteResiduals, double scale = 1)
    {
        if (sortedAbsoluteResiduals.Length < MinimumCount)
        {
            throw new ArgumentException($"Conformal intervals need {MinimumCount} residuals.", nameof(sortedAbsoluteResiduals));
        }
        sorted = sortedAbsoluteResiduals;
        this.scale = scale;
    }

    /// <summary>The fewest residuals for which the 95% rank ceil((n + 1) 0.95) is still inside the sample.</summary>
    public const int MinimumCount = 19;

    public override double Radius(double level)
    {
        var n = sorted.Length;
        var rank = Math.Min(n, (int)Math.Ceiling((n + 1) * level));
        return scale * sorted[Math.Max(rank, 1) - 1];
    }

    public override double CentralMass(double distance)
    {
        // The empirical distribution with the conformal n + 1 denominator, interpolated between order statistics so a
        // probability moves smoothly with the target; it never reaches 1, as n residuals cannot rule anything out.
        var d = distance / scale;
        var n = sorted.Length;
        var above = Array.BinarySearch(sorted, d);
        var index = above >= 0 ? above : ~above;
        if (index >= n)
        {
            return (double)n / (n + 1);
        }
        var lowerValue = index == 0 ? 0 : sorted[index - 1];
        var upperValue = sorted[index];
        var fraction = upperValue > lowerValue ? (d - lowerValue) / (upperValue - lowerValue) : 1;
        return (index + Math.Clamp(fraction, 0, 1)) / (n + 1);
    }

    public override ErrorDistribution Scaled(double factor) => new ConformalErrorDistribution(sorted, scale * factor);
}
