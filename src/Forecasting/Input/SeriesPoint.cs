namespace Kencana.Forecasting.Input;

/// <summary>One yearly observation of a series.</summary>
/// <param name="Year">The reference year of the value (the survey's year, not its release year).</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="Survey">The survey or data collection the value comes from (<c>SSGI 2022</c>, <c>Riskesdas 2018</c>),
/// or null when not recorded. Surveys differ in design, so a change of survey between two values is part of their
/// difference; the forecaster keeps it with each value and says which survey a forecast projects.</param>
public readonly record struct SeriesPoint(int Year, double Value, string? Survey = null);
