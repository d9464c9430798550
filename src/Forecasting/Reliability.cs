namespace Kencana.Forecasting;

/// <summary>How far a forecast's numbers can be trusted; the warnings say why.</summary>
public enum Reliability
{
    /// <summary>Three or more points and intervals calibrated on enough pooled backtest residuals at every horizon.</summary>
    High,

    /// <summary>Enough history, but some interval rests on few residuals or was extrapolated to a horizon the backtest
    /// did not reach.</summary>
    Moderate,

    /// <summary>One or two points, or intervals from a wide default: read the numbers as indicative only.</summary>
    Low,
}
