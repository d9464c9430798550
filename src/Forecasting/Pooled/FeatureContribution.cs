namespace Kencana.Forecasting.Pooled;

/// <summary>How much one feature of the pooled model moved a forecast, so a planner can see why: for example
/// <c>RelativeToParent</c> pulling a kabupaten's stunting forecast down by 1.2 points toward its province. Contributions
/// are the linear model's weight times the standardised feature (ML.NET feature contribution calculation), expressed
/// in the indicator's unit at the forecast.</summary>
/// <param name="Feature">The feature: Horizon, LastValue, RelativeToParent, RelativeToNation, OwnTrendChange,
/// ParentTrendChange, NationalTrendChange, PriorChange, PointCount, LastGap, SurveyChanged, SurveyAhead, LastSurvey or
/// RegionLevel.</param>
/// <param name="Effect">The approximate shift of the forecast it caused, in the indicator's unit; negative pulls the
/// forecast down. Relative to the pooled model's correction of the hierarchical prior, not to the last value.</param>
public sealed record FeatureContribution(string Feature, double Effect);
