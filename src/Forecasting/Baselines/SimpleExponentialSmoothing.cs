namespace Kencana.Forecasting.Baselines;

/// <summary>Simple exponential smoothing with its smoothing weight chosen by one-step squared error.</summary>
internal static class SimpleExponentialSmoothing
{
    private const int PointsToFit = 4;
    private const double DefaultAlpha = 0.5;
    private static readonly double[] Alphas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>The final smoothed level of <paramref name="y"/>.</summary>
    public static double Level(ReadOnlySpan<double> y)
    {
        if (y.Length < PointsToFit)
        {
            return Run(y, DefaultAlpha).Level;
        }
        var best = Run(y, Alphas[0]);
        for (var i = 1; i < Alphas.Length; i++)
        {
            var run = Run(y, Alphas[i]);
            if (run.Sse < best.Sse)
            {
                best = run;
            }
        }
        return best.Level;
    }

    private static (double Level, double Sse) Run(ReadOnlySpan<double> y, double alpha)
    {
        var level = y[0];
        double sse = 0;
        for (var i = 1; i < y.Length; i++)
        {
            var error = y[i] - level;
            sse += error * error;
            level += alpha * error;
        }
        return (level, sse);
    }
}
