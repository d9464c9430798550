namespace Kencana.Forecasting.Pooled;

/// <summary>The pooled model's answer for one row: the model-space change, and per feature its model-space
/// contribution (empty unless asked for).</summary>
internal sealed record PooledPrediction(double Change, IReadOnlyList<KeyValuePair<string, double>> Contributions);
