using Kencana.Forecasting.Input;

namespace Kencana.Server.Forecasting;

/// <summary>A region's series as the forecaster gets it, lineage applied.</summary>
/// <param name="Series">The series, with its lineage when it crosses a boundary change.</param>
/// <param name="IsSynthetic">True when any value is synthetic.</param>
/// <param name="InTraining">False for a series borrowed from a predecessor that already trains under its own code.</param>
public sealed record ForecastInput(Series Series, bool IsSynthetic, bool InTraining);
