namespace Kencana.Warehouse.Model;

/// <summary>One published value of an indicator for a region and period, from one source.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="RegionCode">The region.</param>
/// <param name="Period">The period the value refers to (the reference year, not the release date).</param>
/// <param name="Value">The value in the indicator's unit.</param>
/// <param name="Numerator">The numerator, where published.</param>
/// <param name="Denominator">The denominator (children measured, PUS), where published; needed for roll-ups.</param>
/// <param name="SourceId">The source.</param>
/// <param name="Survey">The survey or collection the value comes from, for example <c>SSGI 2022</c>.</param>
/// <param name="Note">A note from the source or the transcriber.</param>
/// <param name="ConfidenceInterval">The published confidence interval, if any.</param>
/// <param name="IsPreferredFlag">True when the row was explicitly flagged preferred on import.</param>
/// <param name="IsDefault">True when the rule picks this value for its indicator, region and period.</param>
/// <param name="IsSynthetic">True for generated values.</param>
/// <param name="DataVersion">The data version that loaded the row.</param>
public sealed record Observation(
    string IndicatorCode,
    RegionCode RegionCode,
    Period Period,
    double Value,
    double? Numerator,
    double? Denominator,
    string SourceId,
    string? Survey,
    string? Note,
    ConfidenceInterval? ConfidenceInterval,
    bool IsPreferredFlag,
    bool IsDefault,
    bool IsSynthetic,
    int DataVersion);

/// <summary>A confidence interval around a value.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record ConfidenceInterval(double Lower, double Upper);
