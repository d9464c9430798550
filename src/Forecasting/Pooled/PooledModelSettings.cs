namespace Kencana.Forecasting.Pooled;

/// <summary>FastTree's settings for the pooled model.</summary>
/// <param name="Seed">The random seed.</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumRowsPerLeaf">Rows a leaf needs; keeps a tree from fitting one region's noise.</param>
/// <param name="LearningRate">Shrinkage per round.</param>
internal sealed record PooledModelSettings(int Seed, int Trees, int Leaves, int MinimumRowsPerLeaf, double LearningRate);
