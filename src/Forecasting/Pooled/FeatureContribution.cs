namespace Kencana.Forecasting.Pooled;

/// <summary>How much one feature of the pooled model moved a forecast, so a planner can see why: for example
/// <c>RecentSlope</c> pulling a stunting forecast down by 1.2 points. Contributions are the model's tree-path
/// attributions (ML.NET feature contribution calculation), expressed in the indicator's unit at the forecast.</summary>
/// <param name="Feature">The feature: Horizon, LastValue, RecentSlope, LastChange, TrendChange, LongSlope, Volatility,
/// PointCount, SpanYears, RegionLevel or Province.</param>
/// <param name="Effect">The approximate shift of the forecast it caused, in the indicator's unit; negative pulls the
/// forecast down. Relative to the model's average change, not to the last value.</param>
public sealed record FeatureContribution(string Feature, double Effect);
