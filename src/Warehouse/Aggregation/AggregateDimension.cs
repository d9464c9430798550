namespace Kencana.Warehouse.Aggregation;

/// <summary>What an aggregate groups by.</summary>
public enum AggregateDimension
{
    /// <summary>The indicator.</summary>
    Indicator,
    /// <summary>The region itself.</summary>
    Region,
    /// <summary>The region's administrative level.</summary>
    Level,
    /// <summary>The province the region lies in (none for the nation).</summary>
    Province,
    /// <summary>The region's parent.</summary>
    Parent,
    /// <summary>The year.</summary>
    Year,
    /// <summary>The sub-period (YEAR, S1, Q3, M07, ...).</summary>
    Period,
    /// <summary>The source.</summary>
    Source,
}
