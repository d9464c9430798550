using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Aggregation;

/// <summary>One group of an aggregate with its measures.</summary>
/// <param name="Key">The group's dimension values (null for dimensions not grouped by).</param>
/// <param name="Count">How many values.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Mean">The plain mean.</param>
/// <param name="WeightedMean">The mean weighted by denominators, over the values that have one; null when none has.</param>
/// <param name="WeightedCount">How many values had a denominator.</param>
/// <param name="Median">The median.</param>
/// <param name="P25">The first quartile.</param>
/// <param name="P75">The third quartile.</param>
/// <param name="StdDev">The sample standard deviation; null for a single value.</param>
/// <param name="IsSynthetic">True when any value of the group is synthetic.</param>
/// <param name="SourceIds">The sources of the group's values.</param>
public sealed record AggregateRow(
    AggregateKey Key,
    long Count,
    double? Min,
    double? Max,
    double? Mean,
    double? WeightedMean,
    long WeightedCount,
    double? Median,
    double? P25,
    double? P75,
    double? StdDev,
    bool IsSynthetic,
    IReadOnlyList<string> SourceIds);

/// <summary>The dimension values of a group.</summary>
/// <param name="IndicatorCode">The indicator, when grouped by it.</param>
/// <param name="Region">The region, when grouped by it.</param>
/// <param name="Level">The level, when grouped by it.</param>
/// <param name="Province">The province, when grouped by it.</param>
/// <param name="Parent">The parent region, when grouped by it.</param>
/// <param name="Year">The year, when grouped by it.</param>
/// <param name="Period">The sub-period, when grouped by it.</param>
/// <param name="SourceId">The source, when grouped by it.</param>
public sealed record AggregateKey(
    string? IndicatorCode,
    RegionCode? Region,
    RegionLevel? Level,
    RegionCode? Province,
    RegionCode? Parent,
    int? Year,
    SubPeriod? Period,
    string? SourceId);
