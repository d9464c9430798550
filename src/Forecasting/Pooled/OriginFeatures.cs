using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Pooled;

/// <summary>The horizon-free part of a pooled-model row, computed once per origin and reused for every horizon.</summary>
internal sealed class OriginFeatures
{
    private const string Unknown = "(unknown)";

    private OriginFeatures(TransformedHistory history, HierarchicalPrior prior)
    {
        Prior = prior;
        LastZ = history.LastZ;
        OriginYear = history.LastYear;
        PointCount = history.Count;
        LastGap = history.Count > 1 ? history.Years[^1] - history.Years[^2] : 0;
        SurveyChanged = history.Count > 1 && SurveyName.Differ(history.SurveyAt(history.Count - 2), history.LastSurvey);
        LastSurvey = SurveyName.Family(history.LastSurvey) ?? Unknown;
        RegionLevel = history.Region.Level.ToString();
    }

    /// <summary>The hierarchical prior at this origin; the pooled model corrects it.</summary>
    public HierarchicalPrior Prior { get; }

    public double LastZ { get; }

    public int OriginYear { get; }

    public int PointCount { get; }

    public int LastGap { get; }

    public bool SurveyChanged { get; }

    public string LastSurvey { get; }

    public string RegionLevel { get; }

    public static OriginFeatures Of(TransformedHistory history, AnchorView anchors, ForecastOptions options) =>
        new(history, HierarchicalPrior.Of(history, anchors, options));

    /// <param name="horizon">Years ahead.</param>
    /// <param name="surveyAhead">True when the value forecast comes from another survey family than the last one.</param>
    /// <param name="outcomeZ">The model-space outcome when training; null when forecasting.</param>
    public PooledFeatures ForHorizon(int horizon, bool surveyAhead, double? outcomeZ = null) => new()
    {
        TargetYear = OriginYear + horizon,
        Horizon = horizon,
        LastValue = (float)LastZ,
        RelativeToParent = (float)Prior.RelativeToParent,
        RelativeToNation = (float)Prior.RelativeToNation,
        OwnTrendChange = (float)(Prior.OwnSlope * horizon),
        ParentTrendChange = (float)(Prior.ParentSlope * horizon),
        NationalTrendChange = (float)(Prior.NationalSlope * horizon),
        PriorChange = (float)(Prior.At(horizon) - LastZ),
        PointCount = PointCount,
        LastGap = LastGap,
        SurveyChanged = SurveyChanged ? 1 : 0,
        SurveyAhead = surveyAhead ? 1 : 0,
        LastSurvey = LastSurvey,
        RegionLevel = RegionLevel,
        Label = outcomeZ is { } z ? (float)(z - Prior.At(horizon)) : 0,
    };
}
