namespace Kencana.Forecasting.Pooled;

/// <summary>One row of the pooled model: what was known at a forecast origin, the horizon asked for, and (when
/// training) how far the value that followed landed from the hierarchical prior. Property names are the ML.NET column
/// names and the feature names planners see in contributions. Levels and slopes are in model space (logit for
/// percentages).</summary>
internal sealed class PooledFeatures
{
    /// <summary>Years from the origin's last observation to the forecast year.</summary>
    public float Horizon { get; set; }

    /// <summary>The last observed value.</summary>
    public float LastValue { get; set; }

    /// <summary>The parent's level minus the region's at the last observation: how far regression toward the mean
    /// can pull it.</summary>
    public float RelativeToParent { get; set; }

    /// <summary>The nation's level minus the region's at the last observation.</summary>
    public float RelativeToNation { get; set; }

    /// <summary>The region's own least-squares slope × Horizon (0 with one point).</summary>
    public float OwnTrendChange { get; set; }

    /// <summary>The parent's slope up to the origin × Horizon.</summary>
    public float ParentTrendChange { get; set; }

    /// <summary>The nation's slope up to the origin × Horizon.</summary>
    public float NationalTrendChange { get; set; }

    /// <summary>The change the hierarchical prior forecasts.</summary>
    public float PriorChange { get; set; }

    /// <summary>How many points the history has.</summary>
    public float PointCount { get; set; }

    /// <summary>Years between the last two points (0 with one point).</summary>
    public float LastGap { get; set; }

    /// <summary>1 when the last two values come from surveys of different families.</summary>
    public float SurveyChanged { get; set; }

    /// <summary>1 when the value forecast will come from a survey of another family than the last value.</summary>
    public float SurveyAhead { get; set; }

    /// <summary>The survey family of the last value, or a placeholder.</summary>
    public string LastSurvey { get; set; } = "";

    /// <summary>The administrative level's name.</summary>
    public string RegionLevel { get; set; } = "";

    /// <summary>The year of the outcome (training only; not a feature): the nested validation that picks the ridge
    /// penalty holds out the latest outcome year.</summary>
    public float TargetYear { get; set; }

    /// <summary>The model-space distance of the outcome from the hierarchical prior (training only): the pooled model
    /// learns a correction to the prior, so that with little data and strong regularisation it falls back on it.</summary>
    public float Label { get; set; }

    /// <summary>The numeric feature columns, in the order they are concatenated.</summary>
    public static readonly string[] NumericColumns =
    [
        nameof(Horizon), nameof(LastValue), nameof(RelativeToParent), nameof(RelativeToNation), nameof(OwnTrendChange),
        nameof(ParentTrendChange), nameof(NationalTrendChange), nameof(PriorChange), nameof(PointCount), nameof(LastGap),
        nameof(SurveyChanged), nameof(SurveyAhead),
    ];
}
