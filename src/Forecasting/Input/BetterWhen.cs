namespace Kencana.Forecasting.Input;

/// <summary>Which way an indicator improves; decides what reaching a target means.</summary>
public enum BetterWhen
{
    /// <summary>Lower values are better (stunting, unmet need, TFR): a target is reached at or below its value.</summary>
    Lower,

    /// <summary>Higher values are better (mCPR, iBangga): a target is reached at or above its value.</summary>
    Higher,
}
