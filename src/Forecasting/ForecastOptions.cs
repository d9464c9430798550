namespace Kencana.Forecasting;

/// <summary>Settings for training, backtesting and forecasting. The defaults suit yearly panels of a few hundred
/// regions with up to about ten points each.</summary>
public sealed record ForecastOptions
{
    /// <summary>The seed of every random choice; the same seed and panel give the same model and forecasts.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The longest horizon, in years after a series' last observation, that backtests score and the pooled
    /// model learns. Longer forecasts are allowed but flagged.</summary>
    public int MaxHorizon { get; init; } = 6;

    /// <summary>How many of the most recent origin years the backtest compares methods on (each costs one pooled-model
    /// fit).</summary>
    public int BacktestOriginYears { get; init; } = 5;

    /// <summary>The fewest training rows for which the pooled model is fitted and compared at all.</summary>
    public int MinimumPooledRows { get; init; } = 200;

    /// <summary>Boosting rounds of the pooled model.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree of the pooled model.</summary>
    public int Leaves { get; init; } = 16;

    /// <summary>Training rows a leaf needs; keeps the trees from learning one region's noise.</summary>
    public int MinimumRowsPerLeaf { get; init; } = 20;

    /// <summary>Shrinkage per boosting round.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>The methods the backtest may choose among; null for all. Naive is always scored, as the benchmark.</summary>
    public IReadOnlyList<ForecastMethod>? Candidates { get; init; }

    /// <summary>How much wider than their calibrated width the intervals of one- and two-point series are: their
    /// residual pool comes from series that went on to grow long histories, and a series that is still short has not
    /// shown how noisy it is.</summary>
    public double SparseWidening { get; init; } = 1.5;

    /// <summary>How many feature contributions each pooled-model forecast reports.</summary>
    public int TopContributions { get; init; } = 5;

    /// <summary>Into how many groups of regions the backtest splits the panel to score interval coverage out of
    /// sample: each group's intervals are calibrated on the residuals of the others.</summary>
    public int CoverageFolds { get; init; } = 5;

    /// <summary>The methods that may be chosen.</summary>
    internal IReadOnlyList<ForecastMethod> CandidateMethods => Candidates is { Count: > 0 } ? Candidates : Enum.GetValues<ForecastMethod>();

    /// <summary>Throws on a setting no run can use.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHorizon, 1, nameof(MaxHorizon));
        ArgumentOutOfRangeException.ThrowIfLessThan(BacktestOriginYears, 1, nameof(BacktestOriginYears));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumPooledRows, 1, nameof(MinimumPooledRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(Trees, 1, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(Leaves, 2, nameof(Leaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumRowsPerLeaf, 1, nameof(MinimumRowsPerLeaf));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(SparseWidening, 1, nameof(SparseWidening));
        ArgumentOutOfRangeException.ThrowIfNegative(TopContributions, nameof(TopContributions));
        ArgumentOutOfRangeException.ThrowIfLessThan(CoverageFolds, 2, nameof(CoverageFolds));
        if (Candidates is not null && Candidates.Any(m => !Enum.IsDefined(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(Candidates), "Unknown forecast method among the candidates.");
        }
    }
}
