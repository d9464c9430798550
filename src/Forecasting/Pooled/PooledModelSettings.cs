namespace Kencana.Forecasting.Pooled;

/// <summary>The pooled model's training settings.</summary>
/// <param name="Seed">The random seed.</param>
/// <param name="L2Grid">The ridge penalties on the (standardised) weights to choose among: what keeps a fit on a hundred
/// rows from chasing noise.</param>
/// <param name="Iterations">The most passes SDCA makes over the rows.</param>
internal sealed record PooledModelSettings(int Seed, IReadOnlyList<double> L2Grid, int Iterations);
