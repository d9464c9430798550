namespace Kencana.Forecasting.Pooled;

/// <summary>One row of the pooled model: what was known at a forecast origin, the horizon asked for, and (when
/// training) the model-space change that followed. Property names are the ML.NET column names and the feature names
/// planners see in contributions.</summary>
internal sealed class PooledFeatures
{
    /// <summary>Years from the origin's last observation to the forecast year.</summary>
    public float Horizon { get; set; }

    /// <summary>The last observed value, in model space.</summary>
    public float LastValue { get; set; }

    /// <summary>Least-squares slope per year over the last few points.</summary>
    public float RecentSlope { get; set; }

    /// <summary>The last year-on-year change (per year across a gap).</summary>
    public float LastChange { get; set; }

    /// <summary>RecentSlope × Horizon: the change a straight line would give. Trees cannot multiply, so they get the
    /// product ready-made.</summary>
    public float TrendChange { get; set; }

    /// <summary>Least-squares slope per year over the whole history.</summary>
    public float LongSlope { get; set; }

    /// <summary>Residual standard deviation around the whole-history line: how noisy the series is.</summary>
    public float Volatility { get; set; }

    /// <summary>How many points the history has.</summary>
    public float PointCount { get; set; }

    /// <summary>Years from the first to the last observation.</summary>
    public float SpanYears { get; set; }

    /// <summary>The administrative level's name.</summary>
    public string RegionLevel { get; set; } = "";

    /// <summary>The province code, or a placeholder for the nation.</summary>
    public string Province { get; set; } = "";

    /// <summary>The model-space change from the last observation to the forecast year (training only).</summary>
    public float Label { get; set; }

    /// <summary>The numeric feature columns, in the order they are concatenated.</summary>
    public static readonly string[] NumericColumns =
    [
        nameof(Horizon), nameof(LastValue), nameof(RecentSlope), nameof(LastChange), nameof(TrendChange),
        nameof(LongSlope), nameof(Volatility), nameof(PointCount), nameof(SpanYears),
    ];
}
