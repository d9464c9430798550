using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Baselines;

/// <summary>A method that forecasts one series from its own history alone.</summary>
internal interface ILocalMethod
{
    /// <summary>The fewest points the method needs; below it the forecaster falls back to drift or naive.</summary>
    int MinimumPoints { get; }

    /// <summary>The model-space forecast for each horizon (years after the last observation).</summary>
    double[] Forecast(TransformedHistory history, IReadOnlyList<int> horizons);
}
