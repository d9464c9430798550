using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>What a backtest leaves behind for training: the report, and every case's forecasts to calibrate the chosen
/// method's intervals on.</summary>
internal sealed class BacktestOutcome(
    BacktestReport report,
    IReadOnlyList<TransformedHistory> histories,
    IReadOnlyList<BacktestCase> cases,
    CaseForecasts forecasts)
{
    public BacktestReport Report { get; } = report;

    public IReadOnlyList<TransformedHistory> Histories { get; } = histories;

    /// <summary>The intervals' calibration for <paramref name="method"/> from all its backtest residuals.</summary>
    public Calibration CalibrationFor(ForecastMethod method) => ResidualPools.For(method, cases, forecasts);
}
