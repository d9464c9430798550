namespace Kencana.Forecasting;

/// <summary>What a forecast warns about.</summary>
public enum WarningKind
{
    /// <summary>One observation: the forecast rests on it and on the region's parent and the nation.</summary>
    SinglePoint,

    /// <summary>Two observations: their slope is shrunk toward the parent's and the nation's, never extended as it is.</summary>
    TwoPoints,

    /// <summary>Some interval rests on fewer backtest residuals than conformal calibration needs.</summary>
    FewCalibrationResiduals,

    /// <summary>Some horizon is beyond what the backtest reached; its interval was widened from a shorter one.</summary>
    HorizonBeyondBacktest,

    /// <summary>No backtest residual of this level and history length: other levels' residuals stand in.</summary>
    CalibratedOnOtherLevels,

    /// <summary>No backtest residual at all: intervals come from a wide default.</summary>
    UncalibratedIntervals,

    /// <summary>Some horizon is beyond what the pooled model was trained on; its change was scaled from the longest.</summary>
    HorizonBeyondPooledModel,

    /// <summary>The latest value sits at 0 or 100, where the logit scale had to clamp it.</summary>
    ValueAtBound,

    /// <summary>The latest value already meets the target.</summary>
    TargetAlreadyMet,

    /// <summary>The series crosses a boundary change: its history is a predecessor region's, or starts after a split.</summary>
    BoundaryChange,

    /// <summary>The next value will come from another survey than the latest: the intervals are widened for it.</summary>
    SurveyChangeAhead,

    /// <summary>The history mixes values of different surveys, whose designs differ.</summary>
    MixedSurveys,

    /// <summary>A short series projects a change larger than any province showed between two surveys.</summary>
    ChangeBeyondObserved,
}
