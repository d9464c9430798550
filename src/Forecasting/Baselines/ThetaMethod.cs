using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>The Theta method (Assimakopoulos and Nikolopoulos 2000) in closed form: the series is split into its
/// least-squares line (theta = 0, which carries the long-run trend) and the series with its curvature doubled
/// (theta = 2, 2y - line, which carries the recent level); the first is extended, the second smoothed with simple
/// exponential smoothing, and the two forecasts averaged.</summary>
internal sealed class ThetaMethod : ILocalMethod
{
    public static ThetaMethod Instance { get; } = new();

    public int MinimumPoints => 3;

    public double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons)
    {
        var years = history.Years;
        var z = history.Z;
        var line = LinearFit.Of(years, z);
        var thetaTwo = new double[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            thetaTwo[i] = (2 * z[i]) - line.At(years[i]);
        }
        var level = SimpleExponentialSmoothing.Level(thetaTwo);
        return horizons.Select(h => (0.5 * line.At(history.LastYear + h)) + (0.5 * level)).ToArray();
    }
}
