using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Transforms;

/// <summary>The space every model works in. Forecasts and interval bounds are computed there and mapped back, so a
/// percentage never leaves 0-100 and a rate never turns negative, whatever a model extrapolates.</summary>
internal abstract class ValueTransform
{
    /// <summary>The transform for a unit kind.</summary>
    public static ValueTransform For(UnitKind unit) => unit switch
    {
        UnitKind.Percent or UnitKind.Index => LogitTransform.Instance,
        UnitKind.Rate => LogTransform.Instance,
        UnitKind.Count => LogPlusOneTransform.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit kind."),
    };

    /// <summary>From the indicator's unit to model space.</summary>
    public abstract double Forward(double value);

    /// <summary>From model space back to the indicator's unit; always a value the indicator can take.</summary>
    public abstract double Inverse(double z);

    /// <summary>How much the value moves per unit of model space at <paramref name="z"/> (d value / d z), to express
    /// a model-space effect in the indicator's unit.</summary>
    public abstract double Slope(double z);
}
