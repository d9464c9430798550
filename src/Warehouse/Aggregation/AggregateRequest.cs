using Kencana.Warehouse.Queries;

namespace Kencana.Warehouse.Aggregation;

/// <summary>A cube query: observations filtered, grouped, measured, filtered again by measure, ordered and paged.</summary>
/// <param name="Filter">Which observations.</param>
/// <param name="GroupBy">The dimensions of each group; none gives one group of everything.</param>
/// <param name="Having">Conditions every returned group meets.</param>
/// <param name="OrderBy">The measure to order groups by; by the dimensions when null.</param>
/// <param name="Descending">Largest first.</param>
/// <param name="Limit">At most this many groups.</param>
/// <param name="Offset">Skip this many groups first.</param>
/// <param name="Measures">The measures to compute; the others answer null. All when null. Count is always computed.</param>
/// <param name="IncludeSources">Whether to list each group's sources.</param>
/// <param name="IncludeWeightedCount">Whether to count the values with a denominator; when false the rows' <see cref="AggregateRow.WeightedCount"/> is 0, not computed.</param>
/// <param name="IncludeSynthetic">Whether to tell groups holding synthetic values; when false the rows' <see cref="AggregateRow.IsSynthetic"/> is false, not computed.</param>
public sealed record AggregateRequest(
    ObservationFilter Filter,
    IReadOnlyList<AggregateDimension> GroupBy,
    IReadOnlyList<HavingCondition>? Having = null,
    AggregateMeasure? OrderBy = null,
    bool Descending = false,
    int Limit = 100,
    int Offset = 0,
    IReadOnlySet<AggregateMeasure>? Measures = null,
    bool IncludeSources = true,
    bool IncludeWeightedCount = true,
    bool IncludeSynthetic = true);
