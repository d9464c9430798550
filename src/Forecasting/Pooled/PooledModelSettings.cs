namespace Kencana.Forecasting.Pooled;

/// <summary>The pooled model's training settings.</summary>
/// <param name="Seed">The random seed.</param>
/// <param name="L2">The ridge penalty on the (standardised) weights: what keeps a fit on a hundred rows from chasing
/// noise.</param>
/// <param name="Iterations">The most passes SDCA makes over the rows.</param>
internal sealed record PooledModelSettings(int Seed, double L2, int Iterations);
