namespace Kencana.Forecasting.Pooled;

/// <summary>What the pooled model is asked for a horizon beyond those it was trained on.</summary>
internal static class PooledHorizon
{
    /// <summary>Beyond the horizons it was trained on the model's correction is untested, and a linear term in the
    /// horizon would run on unchecked: ask for the longest trained horizon and stretch its correction in proportion, as a
    /// trend would continue.</summary>
    public static (int Horizon, double Stretch) Clamp(int horizon, int maxTrained) =>
        horizon <= maxTrained ? (horizon, 1) : (maxTrained, (double)horizon / maxTrained);
}
