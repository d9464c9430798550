namespace Kencana.Forecasting.Backtesting;

/// <summary>Every method's backtest scores on the regions of one level, so that a method that does well on provinces
/// cannot hide a poor showing on kabupaten/kota (or the reverse).</summary>
/// <param name="Level">The level: <c>nation</c>, <c>province</c>, <c>kabupaten/kota</c> or <c>below kabupaten/kota</c>;
/// with the origin year when scores are per origin (<c>province, from 2018</c>).</param>
/// <param name="Cases">How many forecasts were scored at this level.</param>
/// <param name="Scores">Every scored method, naive included.</param>
public sealed record LevelScores(string Level, int Cases, IReadOnlyList<MethodScore> Scores);
