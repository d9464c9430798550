using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Rollup;

/// <summary>A parent region's value computed from its children by the indicator's roll-up rule.</summary>
/// <param name="Indicator">The indicator rolled up.</param>
/// <param name="Parent">The parent region.</param>
/// <param name="Period">The period.</param>
/// <param name="Value">The computed value; null when refused or when no child contributed.</param>
/// <param name="RefusalReason">Why no value can be computed, when one cannot.</param>
/// <param name="ExpectedChildren">How many child regions the parent has.</param>
/// <param name="Contributions">The children whose values went into the result.</param>
/// <param name="MissingChildren">Children with no value for the period.</param>
/// <param name="ChildrenWithoutDenominator">Children with a value but no denominator, left out of a weighted mean.</param>
/// <param name="TotalDenominator">The sum of the contributing denominators, for a weighted mean.</param>
/// <param name="Published">The parent's own published (default) value for the period, to compare with.</param>
public sealed record RollupResult(
    Indicator Indicator,
    Region Parent,
    Period Period,
    double? Value,
    string? RefusalReason,
    int ExpectedChildren,
    IReadOnlyList<RollupContribution> Contributions,
    IReadOnlyList<RegionCode> MissingChildren,
    IReadOnlyList<RegionCode> ChildrenWithoutDenominator,
    double? TotalDenominator,
    Observation? Published)
{
    /// <summary>The rule applied.</summary>
    public RollupRule Rule => Indicator.Rollup;

    /// <summary>True when every child contributed.</summary>
    public bool IsComplete => Value is not null && Contributions.Count == ExpectedChildren;
}

/// <summary>One child's part in a roll-up.</summary>
/// <param name="Region">The child region.</param>
/// <param name="Value">Its value.</param>
/// <param name="Denominator">Its denominator, the weight in a weighted mean.</param>
/// <param name="SourceId">The source of its value.</param>
/// <param name="IsSynthetic">True when the value is generated.</param>
public sealed record RollupContribution(RegionCode Region, double Value, double? Denominator, string SourceId, bool IsSynthetic);
