namespace Kencana.Forecasting.Pooled;

/// <summary>What the pooled model is asked for a horizon beyond those it was trained on.</summary>
internal static class PooledHorizon
{
    /// <summary>Trees cannot extrapolate: asked for horizon 9 after training up to 6 they answer as for 6. So ask for
    /// the longest trained horizon and stretch its change in proportion, as a trend would continue.</summary>
    public static (int Horizon, double Stretch) Clamp(int horizon, int maxTrained) =>
        horizon <= maxTrained ? (horizon, 1) : (maxTrained, (double)horizon / maxTrained);
}
