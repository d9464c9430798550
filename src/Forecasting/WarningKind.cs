namespace Kencana.Forecasting;

/// <summary>What a forecast warns about.</summary>
public enum WarningKind
{
    /// <summary>One observation: the value is carried forward (naive) and the intervals widened.</summary>
    SinglePoint,

    /// <summary>Two observations: their straight line (drift) is extended and the intervals widened.</summary>
    TwoPoints,

    /// <summary>Some interval rests on fewer backtest residuals than conformal calibration needs.</summary>
    FewCalibrationResiduals,

    /// <summary>Some horizon is beyond what the backtest reached; its interval was widened from a shorter one.</summary>
    HorizonBeyondBacktest,

    /// <summary>No backtest residual at all: intervals come from a wide default.</summary>
    UncalibratedIntervals,

    /// <summary>Some horizon is beyond what the pooled model was trained on; its change was scaled from the longest.</summary>
    HorizonBeyondPooledModel,

    /// <summary>The latest value sits at 0 or 100, where the logit scale had to clamp it.</summary>
    ValueAtBound,

    /// <summary>The latest value already meets the target.</summary>
    TargetAlreadyMet,
}
