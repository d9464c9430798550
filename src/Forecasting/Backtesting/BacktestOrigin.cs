namespace Kencana.Forecasting.Backtesting;

/// <summary>A forecast origin and the contiguous run of cases scored from it.</summary>
/// <param name="Series">The series' index in the panel.</param>
/// <param name="Count">How many points were known.</param>
/// <param name="FirstCase">The index of its first case.</param>
/// <param name="CaseCount">How many cases it has, one per later observation within the horizon limit.</param>
internal readonly record struct BacktestOrigin(int Series, int Count, int FirstCase, int CaseCount);
