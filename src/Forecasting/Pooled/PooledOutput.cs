namespace Kencana.Forecasting.Pooled;

/// <summary>What the pooled pipeline answers for one row when asked to explain itself.</summary>
internal sealed class PooledOutput
{
    /// <summary>The predicted model-space change.</summary>
    public float Score { get; set; }

    /// <summary>The contribution of each slot of the feature vector.</summary>
    public float[] FeatureContributions { get; set; } = [];
}
