using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>Holt's linear trend with a damped slope (Gardner and McKenzie), in error-correction form. A gap of g years
/// is one step of g years: the level moves by the damped slope summed over the gap.</summary>
internal sealed class DampedTrendMethod : ILocalMethod
{
    // With fewer than five points there are at most two one-step errors to fit three parameters to: fixed, middle-of-
    // the-road values then beat a fit that would chase noise.
    private const int PointsToFit = 5;
    private const double DefaultAlpha = 0.5;
    private const double DefaultBeta = 0.3;
    private const double DefaultPhi = 0.9;
    private static readonly double[] Alphas = [0.2, 0.4, 0.6, 0.8, 1.0];
    private static readonly double[] Betas = [0.1, 0.3, 0.5];
    private static readonly double[] Phis = [0.8, 0.9, 0.98];

    public static DampedTrendMethod Instance { get; } = new();

    public int MinimumPoints => 3;

    public double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons)
    {
        var (alpha, beta, phi) = history.Count >= PointsToFit ? Fit(history) : (DefaultAlpha, DefaultBeta, DefaultPhi);
        var (level, slope, _) = Run(history, alpha, beta, phi);
        return horizons.Select(h => level + (slope * DampedSum(phi, h))).ToArray();
    }

    private static (double Alpha, double Beta, double Phi) Fit(TransformedHistory history)
    {
        var best = (DefaultAlpha, DefaultBeta, DefaultPhi);
        var bestSse = double.PositiveInfinity;
        foreach (var alpha in Alphas)
        {
            foreach (var beta in Betas)
            {
                foreach (var phi in Phis)
                {
                    var sse = Run(history, alpha, beta, phi).Sse;
                    // Strictly better only: ties keep the earlier, more conservative grid point, and the run is
                    // deterministic.
                    if (sse < bestSse)
                    {
                        bestSse = sse;
                        best = (alpha, beta, phi);
                    }
                }
            }
        }
        return best;
    }

    private static (double Level, double Slope, double Sse) Run(TransformedHistory history, double alpha, double beta, double phi)
    {
        var z = history.Z;
        var years = history.Years;
        var level = z[0];
        var slope = history.Count > 1 ? (z[1] - z[0]) / (years[1] - years[0]) : 0;
        double sse = 0;
        for (var i = 1; i < z.Length; i++)
        {
            var gap = years[i] - years[i - 1];
            var predicted = level + (slope * DampedSum(phi, gap));
            var error = z[i] - predicted;
            // The first error is zero by construction of the initial slope; counting it would favour nothing.
            if (i > 1)
            {
                sse += error * error;
            }
            level = predicted + (alpha * error);
            slope = (Math.Pow(phi, gap) * slope) + (alpha * beta * error / gap);
        }
        return (level, slope, sse);
    }

    /// <summary>phi + phi^2 + ... + phi^h.</summary>
    private static double DampedSum(double phi, int h)
    {
        double sum = 0, term = 1;
        for (var k = 0; k < h; k++)
        {
            term *= phi;
            sum += term;
        }
        return sum;
    }
}
