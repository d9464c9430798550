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

    /// <summary>The fewest training rows for which the pooled model is fitted and compared at all. Low, because the
    /// model is a ridge-penalised correction of the hierarchical prior: on few rows it stays close to the prior rather
    /// than being switched off.</summary>
    public int MinimumPooledRows { get; init; } = 20;

    /// <summary>The ridge penalties the pooled model chooses among, on its standardised weights: each fit picks the
    /// one that best forecast the latest outcomes it may see from the earlier ones (a nested, time-respecting
    /// validation), so the penalty adapts to how much the panel can teach.</summary>
    public IReadOnlyList<double> PooledL2Grid { get; init; } = [10, 100, 1000, 10000, 100000];

    /// <summary>The most passes the pooled model's solver (SDCA) makes over its rows.</summary>
    public int PooledIterations { get; init; } = 100;

    /// <summary>Years of evidence a region's own trend needs to weigh as much as its parent's: the own slope gets weight
    /// span / (span + this). Two surveys a year apart keep a sixth of their slope at the default; a decade, two thirds.</summary>
    public double TrendEvidenceYears { get; init; } = 5;

    /// <summary>How much of a province's distance from the nation one survey is expected not to repeat (regression
    /// toward the mean): provinces are measured on large samples, so little.</summary>
    public double ProvinceReversion { get; init; } = 0.1;

    /// <summary>How much of a kabupaten/kota's (or lower region's) distance from its parent one survey is expected not
    /// to repeat: their samples are small, so two fifths of an outlying reading is taken as noise (on the SSGI 2021 to
    /// 2022 transition of the seed's kabupaten/kota, 0.3 to 0.5 fit about equally well).</summary>
    public double LocalReversion { get; init; } = 0.4;

    /// <summary>The methods the backtest may choose among; null for all. Naive is always scored, as the benchmark.</summary>
    public IReadOnlyList<ForecastMethod>? Candidates { get; init; }

    /// <summary>How much wider than their calibrated width the intervals of one- and two-point series are. 1 by
    /// default: their residuals are pooled by level and history length, so short series of each level already calibrate
    /// their own width; raise it when short series are rarer in the panel than among the series forecast.</summary>
    public double SparseWidening { get; init; } = 1.0;

    /// <summary>The least a next reading from another survey family widens the intervals, whatever the backtest shows:
    /// survey designs differ (sampling frame, age range, measurement teams), and a panel's few survey changes cannot
    /// rule out that they add error. The backtest's own ratio is used when it is larger.</summary>
    public double MinimumSurveyWidening { get; init; } = 1.2;

    /// <summary>How much wider the intervals of a series whose history is its predecessor's (a province formed by a
    /// split) are: the old territory's level is not the new one's.</summary>
    public double LineageWidening { get; init; } = 1.5;

    /// <summary>How many feature contributions each pooled-model forecast reports.</summary>
    public int TopContributions { get; init; } = 5;

    /// <summary>Into how many groups of regions the backtest splits the panel to score interval coverage out of
    /// sample: each group's intervals are calibrated on the residuals of the others.</summary>
    public int CoverageFolds { get; init; } = 5;

    /// <summary>The methods that may be chosen.</summary>
    internal IReadOnlyList<ForecastMethod> CandidateMethods => Candidates is { Count: > 0 } ? Candidates : Enum.GetValues<ForecastMethod>();

    /// <summary>The regression toward the parent expected for a region of <paramref name="level"/>.</summary>
    internal double ReversionFor(Input.AdminLevel level) => level switch
    {
        Input.AdminLevel.Nation => 0,
        Input.AdminLevel.Province => ProvinceReversion,
        _ => LocalReversion,
    };

    /// <summary>Throws on a setting no run can use.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHorizon, 1, nameof(MaxHorizon));
        ArgumentOutOfRangeException.ThrowIfLessThan(BacktestOriginYears, 1, nameof(BacktestOriginYears));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumPooledRows, 1, nameof(MinimumPooledRows));
        if (PooledL2Grid is not { Count: > 0 } || PooledL2Grid.Any(l => !(l >= 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(PooledL2Grid), "Give at least one ridge penalty, none negative.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(PooledIterations, 1, nameof(PooledIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(TrendEvidenceYears, nameof(TrendEvidenceYears));
        ArgumentOutOfRangeException.ThrowIfNegative(ProvinceReversion, nameof(ProvinceReversion));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ProvinceReversion, 1, nameof(ProvinceReversion));
        ArgumentOutOfRangeException.ThrowIfNegative(LocalReversion, nameof(LocalReversion));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(LocalReversion, 1, nameof(LocalReversion));
        ArgumentOutOfRangeException.ThrowIfLessThan(LineageWidening, 1, nameof(LineageWidening));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSurveyWidening, 1, nameof(MinimumSurveyWidening));
        ArgumentOutOfRangeException.ThrowIfLessThan(SparseWidening, 1, nameof(SparseWidening));
        ArgumentOutOfRangeException.ThrowIfNegative(TopContributions, nameof(TopContributions));
        ArgumentOutOfRangeException.ThrowIfLessThan(CoverageFolds, 2, nameof(CoverageFolds));
        if (Candidates is not null && Candidates.Any(m => !Enum.IsDefined(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(Candidates), "Unknown forecast method among the candidates.");
        }
    }
}
