using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>The line through the first and last points, extended: the average yearly change so far continues.</summary>
internal sealed class DriftMethod : ILocalMethod
{
    public static DriftMethod Instance { get; } = new();

    public int MinimumPoints => 2;

    public double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons)
    {
        var z = history.Z;
        var years = history.Years;
        var slope = history.Count < 2 ? 0 : (z[^1] - z[0]) / (years[^1] - years[0]);
        return horizons.Select(h => history.LastZ + (slope * h)).ToArray();
    }
}
