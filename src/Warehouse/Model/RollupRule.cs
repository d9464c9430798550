namespace Kencana.Warehouse.Model;

/// <summary>How an indicator's values for child regions combine into their parent's value.</summary>
public enum RollupRule
{
    /// <summary>A rate or percentage: the mean of the children weighted by their denominators, never a plain average.</summary>
    WeightedMean,
    /// <summary>A count: the children's values add up.</summary>
    Sum,
    /// <summary>TFR, a median or an index: no arithmetic on children gives the parent's value; it is published per level.</summary>
    NotAdditive,
}
