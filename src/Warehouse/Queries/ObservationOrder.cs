namespace Kencana.Warehouse.Queries;

/// <summary>How a page of observations is ordered; each order ends in the full key, so pages never overlap.</summary>
public enum ObservationOrder
{
    /// <summary>By indicator, region, then period (the natural order of series).</summary>
    RegionThenPeriod,
    /// <summary>Oldest period first.</summary>
    PeriodAscending,
    /// <summary>Newest period first.</summary>
    PeriodDescending,
    /// <summary>Smallest value first.</summary>
    ValueAscending,
    /// <summary>Largest value first.</summary>
    ValueDescending,
}
