using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>What a backtest leaves behind for training: the report, and every case's forecasts to calibrate the chosen
/// method's intervals on.</summary>
internal sealed class BacktestOutcome(
    BacktestReport report,
    IReadOnlyList<TransformedHistory> histories,
    Anchors anchors,
    IReadOnlyList<BacktestCase> cases,
    CaseForecasts forecasts)
{
    public BacktestReport Report { get; } = report;

    public IReadOnlyList<TransformedHistory> Histories { get; } = histories;

    public Anchors Anchors { get; } = anchors;

    /// <summary>The intervals' calibration for <paramref name="method"/> from all its backtest residuals.</summary>
    public Calibration CalibrationFor(ForecastMethod method) => ResidualPools.For(method, cases, forecasts);

    /// <summary>How much wider <paramref name="method"/>'s errors were across a change of survey.</summary>
    public double SurveyChangeFactorFor(ForecastMethod method) => ResidualPools.SurveyChangeFactor(method, cases, forecasts);
}
