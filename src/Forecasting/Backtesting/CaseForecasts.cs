using Kencana.Forecasting.Baselines;

namespace Kencana.Forecasting.Backtesting;

/// <summary>The model-space forecasts of every backtest case by each base method (NaN where a method was not run),
/// and the forecast a candidate method stands for, with the same short-history fallbacks the forecaster applies.</summary>
internal sealed class CaseForecasts
{
    private readonly IReadOnlyList<BacktestCase> cases;
    private readonly Dictionary<ForecastMethod, double[]> raw = [];

    public CaseForecasts(IReadOnlyList<BacktestCase> cases)
    {
        this.cases = cases;
    }

    /// <summary>The array the base method's forecasts go in.</summary>
    public double[] For(ForecastMethod method)
    {
        if (!raw.TryGetValue(method, out var values))
        {
            values = new double[cases.Count];
            Array.Fill(values, double.NaN);
            raw[method] = values;
        }
        return values;
    }

    /// <summary>What <paramref name="method"/> forecasts for case <paramref name="index"/>, NaN when it was not run
    /// there.</summary>
    public double Center(ForecastMethod method, int index)
    {
        var effective = LocalMethods.Effective(method, cases[index].OriginCount);
        return effective == ForecastMethod.Combination
            ? Combine(Value(ForecastMethod.DampedTrend, index), Value(ForecastMethod.Theta, index), Value(ForecastMethod.Global, index))
            : Value(effective, index);
    }

    /// <summary>The equal-weight combination, in model space.</summary>
    public static double Combine(double dampedTrend, double theta, double pooled) => (dampedTrend + theta + pooled) / 3;

    /// <summary>The weight of each member in <see cref="Combine"/>.</summary>
    public const double CombinationWeight = 1.0 / 3;

    private double Value(ForecastMethod method, int index) => raw.TryGetValue(method, out var values) ? values[index] : double.NaN;
}
