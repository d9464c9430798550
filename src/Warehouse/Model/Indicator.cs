namespace Kencana.Warehouse.Model;

/// <summary>An indicator of the catalogue, with what is needed to validate, compare and roll up its values.</summary>
/// <param name="Code">The stable code, for example <c>STUNTING</c>.</param>
/// <param name="NameId">The Indonesian name.</param>
/// <param name="NameEn">The English name.</param>
/// <param name="Definition">What is measured and how.</param>
/// <param name="Unit">The unit: <c>percent</c>, <c>count</c>, <c>births per woman</c>, ...</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="ValidRange">Values outside it are rejected on import.</param>
/// <param name="Rollup">How child regions combine into a parent.</param>
/// <param name="Denominator">What the denominator counts (children measured, PUS), when the indicator has one.</param>
/// <param name="SourceId">Where the definition comes from.</param>
public sealed record Indicator(
    string Code,
    string NameId,
    string NameEn,
    string Definition,
    string Unit,
    Direction Direction,
    ValueRange ValidRange,
    RollupRule Rollup,
    string? Denominator,
    string SourceId)
{
    /// <summary>True for percentages, whose value should agree with 100 x numerator / denominator.</summary>
    public bool IsPercent => Unit == "percent";
}
