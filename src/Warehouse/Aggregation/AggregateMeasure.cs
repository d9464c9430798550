namespace Kencana.Warehouse.Aggregation;

/// <summary>A statistic of the values in a group.</summary>
public enum AggregateMeasure
{
    /// <summary>How many values.</summary>
    Count,
    /// <summary>The smallest value.</summary>
    Min,
    /// <summary>The largest value.</summary>
    Max,
    /// <summary>The plain mean: right for comparing regions, wrong for a rate of a population.</summary>
    Mean,
    /// <summary>The mean weighted by denominators: the rate of the group's population.</summary>
    WeightedMean,
    /// <summary>The median.</summary>
    Median,
    /// <summary>The first quartile.</summary>
    P25,
    /// <summary>The third quartile.</summary>
    P75,
    /// <summary>The sample standard deviation.</summary>
    StdDev,
}
