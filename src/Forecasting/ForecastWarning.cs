namespace Kencana.Forecasting;

/// <summary>A caveat a forecast carries, in words a planner can read.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Message">The caveat, with the numbers behind it.</param>
public sealed record ForecastWarning(WarningKind Kind, string Message);
