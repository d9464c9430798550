namespace Kencana.Forecasting.Input;

/// <summary>One yearly observation of a series.</summary>
/// <param name="Year">The reference year of the value (the survey's year, not its release year).</param>
/// <param name="Value">The value, in the indicator's unit.</param>
public readonly record struct SeriesPoint(int Year, double Value);
