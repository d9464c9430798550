using System.Text.Json.Serialization;

namespace Kencana.Forecasting.Backtesting;

/// <summary>The rolling-origin backtest of one indicator: every candidate method scored beside the naive forecast, over
/// all regions and per level, and the method chosen. Every origin of every series is scored, one point or more: the
/// hierarchical and pooled methods forecast short series too, and the benchmarks fall back to naive (one point) or
/// drift (two) there.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="SeriesCount">How many series the panel has.</param>
/// <param name="Cases">How many forecasts each method was scored on.</param>
/// <param name="OriginYears">The origin years the methods were compared on.</param>
/// <param name="Chosen">The method with the lowest mean absolute error over the same cases.</param>
/// <param name="Scores">Every scored method, naive included, in the order of <see cref="ForecastMethod"/>.</param>
/// <param name="Levels">The same scores per level (province, kabupaten/kota, ...), for the levels with cases.</param>
/// <param name="Origins">The same scores per level and origin year (<c>province, from 2018</c>: the forecasts made with
/// what was known in 2018), to see which survey transition a method gains or loses on.</param>
/// <param name="Notes">What the numbers rest on: folds fitted, methods left out and why.</param>
public sealed record BacktestReport(
    string IndicatorCode,
    int SeriesCount,
    int Cases,
    IReadOnlyList<int> OriginYears,
    ForecastMethod Chosen,
    IReadOnlyList<MethodScore> Scores,
    IReadOnlyList<LevelScores> Levels,
    IReadOnlyList<LevelScores> Origins,
    IReadOnlyList<string> Notes)
{
    /// <summary>The naive forecast's score, the benchmark.</summary>
    [JsonIgnore]
    public MethodScore Naive => Scores.First(s => s.Method == ForecastMethod.Naive);

    /// <summary>The chosen method's score.</summary>
    [JsonIgnore]
    public MethodScore ChosenScore => Scores.First(s => s.Method == Chosen);
}
