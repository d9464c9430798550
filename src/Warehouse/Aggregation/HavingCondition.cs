namespace Kencana.Warehouse.Aggregation;

/// <summary>A condition on a group's measure, like SQL's HAVING.</summary>
/// <param name="Measure">The measure compared.</param>
/// <param name="Comparison">How.</param>
/// <param name="Value">With what.</param>
public sealed record HavingCondition(AggregateMeasure Measure, Comparison Comparison, double Value)
{
    /// <summary>Whether a group's measure meets the condition.</summary>
    internal bool Holds(double measure) => Comparison switch
    {
        Comparison.GreaterThan => measure > Value,
        Comparison.AtLeast => measure >= Value,
        Comparison.LessThan => measure < Value,
        Comparison.AtMost => measure <= Value,
        Comparison.EqualTo => measure == Value,
        _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
    };
}

/// <summary>A comparison operator.</summary>
public enum Comparison
{
    /// <summary>Strictly greater.</summary>
    GreaterThan,
    /// <summary>Greater or equal.</summary>
    AtLeast,
    /// <summary>Strictly less.</summary>
    LessThan,
    /// <summary>Less or equal.</summary>
    AtMost,
    /// <summary>Equal.</summary>
    EqualTo,
}
