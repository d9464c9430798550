namespace Kencana.Forecasting.Backtesting;

/// <summary>How one method did in the rolling-origin backtest, over the same cases as every other method. Errors are
/// measured in the indicator's unit.</summary>
/// <param name="Method">The method.</param>
/// <param name="Cases">The forecasts scored.</param>
/// <param name="Mae">Mean absolute error, in the indicator's unit (percentage points for a percentage).</param>
/// <param name="Mase">Mean absolute scaled error: absolute error over the series' mean absolute yearly change (naive
/// one year ahead scores about 1). NaN when no scored series changed.</param>
/// <param name="Smape">Symmetric mean absolute percentage error, 0 to 200.</param>
/// <param name="Coverage80">The share of observations inside the 80% interval.</param>
/// <param name="Coverage95">The share of observations inside the 95% interval.</param>
/// <param name="Winkler80">Mean Winkler score of the 80% interval: its width plus 2 / 0.2 times any miss; lower is
/// better.</param>
/// <param name="Winkler95">Mean Winkler score of the 95% interval: its width plus 2 / 0.05 times any miss.</param>
public sealed record MethodScore(
    ForecastMethod Method,
    int Cases,
    double Mae,
    double Mase,
    double Smape,
    double Coverage80,
    double Coverage95,
    double Winkler80,
    double Winkler95);
