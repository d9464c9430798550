namespace Kencana.Warehouse.Model;

/// <summary>Which way an indicator improves; decides whether a value below its target counts as achieved.</summary>
public enum Direction
{
    /// <summary>Higher values are better (mCPR, iBangga).</summary>
    HigherIsBetter,
    /// <summary>Lower values are better (stunting, unmet need).</summary>
    LowerIsBetter,
}
