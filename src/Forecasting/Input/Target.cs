namespace Kencana.Forecasting.Input;

/// <summary>A planned value for a year, for example the RPJMN 2025-2029 stunting target of 14.2 in 2029.</summary>
/// <param name="Value">The value to reach, in the indicator's unit.</param>
/// <param name="Year">The year by which to reach it.</param>
public sealed record Target(double Value, int Year)
{
    /// <summary>The value to reach, in the indicator's unit.</summary>
    public double Value { get; } = double.IsFinite(Value)
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A target must be a finite number.");
}
