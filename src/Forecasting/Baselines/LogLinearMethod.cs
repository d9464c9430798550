using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>The UNICEF/WHO projection: fit ln(value) = a + b year by least squares over every point, then apply the
/// fitted yearly rate e^b to the latest value (as the WHO tracking tool does, rather than to the fitted line, so the
/// latest survey is not second-guessed).</summary>
internal sealed class LogLinearMethod : ILocalMethod
{
    public static LogLinearMethod Instance { get; } = new();

    public int MinimumPoints => 2;

    public double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons)
    {
        var values = history.Values;
        var logs = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] <= 0)
            {
                // ln(0) has no fit; a series that touched zero has no constant rate of change either.
                return DriftMethod.Instance.Forecast(history, horizons);
            }
            logs[i] = Math.Log(values[i]);
        }
        var b = LinearFit.Of(history.Years, logs).Slope;
        return horizons.Select(h => history.Transform.Forward(history.LastValue * Math.Exp(b * h))).ToArray();
    }
}
