namespace Kencana.Forecasting.Input;

/// <summary>What the forecaster needs to know about an indicator.</summary>
/// <param name="Code">The indicator's code, for example <c>STUNTING</c>.</param>
/// <param name="Unit">The kind of number; decides the modelling space.</param>
/// <param name="BetterWhen">Which way is better; decides what reaching a target means.</param>
public sealed record IndicatorProfile(string Code, UnitKind Unit, BetterWhen BetterWhen)
{
    /// <summary>The indicator's code, for example <c>STUNTING</c>.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(Code)
        ? throw new ArgumentException("An indicator needs a code.", nameof(Code))
        : Code;

    /// <summary>The kind of number; decides the modelling space.</summary>
    public UnitKind Unit { get; } = Enum.IsDefined(Unit)
        ? Unit
        : throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown unit kind.");

    /// <summary>Which way is better; decides what reaching a target means.</summary>
    public BetterWhen BetterWhen { get; } = Enum.IsDefined(BetterWhen)
        ? BetterWhen
        : throw new ArgumentOutOfRangeException(nameof(BetterWhen), BetterWhen, "Unknown direction.");

    /// <summary>True for the kinds bounded by 0 and 100 (percentages and indices).</summary>
    public bool IsBounded => Unit is UnitKind.Percent or UnitKind.Index;

    /// <summary>True when <paramref name="value"/> is at least as good as <paramref name="target"/>.</summary>
    /// <param name="value">A value of this indicator.</param>
    /// <param name="target">The value to compare with.</param>
    public bool Meets(double value, double target) =>
        BetterWhen == BetterWhen.Lower ? value <= target : value >= target;

    /// <summary>Throws unless <paramref name="value"/> is one this indicator can take.</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="what">What the value is, for the message.</param>
    internal void CheckValue(double value, string what)
    {
        var valid = double.IsFinite(value) && Unit switch
        {
            UnitKind.Percent or UnitKind.Index => value is >= 0 and <= 100,
            UnitKind.Rate => value > 0,
            _ => value >= 0,
        };
        if (!valid)
        {
            var range = Unit switch
            {
                UnitKind.Percent or UnitKind.Index => "0 to 100",
                UnitKind.Rate => "above 0",
                _ => "0 or more",
            };
            throw new ArgumentOutOfRangeException(what, value, $"{Code} is a {Unit.ToString().ToLowerInvariant()}: {what} must be {range}.");
        }
    }
}
