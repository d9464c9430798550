using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>The last value carried forward.</summary>
internal sealed class NaiveMethod : ILocalMethod
{
    public static NaiveMethod Instance { get; } = new();

    public int MinimumPoints => 1;

    public double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons) =>
        horizons.Select(_ => history.LastZ).ToArray();
}
