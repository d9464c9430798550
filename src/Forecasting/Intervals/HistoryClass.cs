namespace Kencana.Forecasting.Intervals;

/// <summary>How much history a forecast stands on. Errors are pooled separately for each, since a forecast from one
/// point errs very differently from one fitted to eight.</summary>
internal enum HistoryClass
{
    /// <summary>One point: naive.</summary>
    OnePoint,

    /// <summary>Two points: drift (or naive).</summary>
    TwoPoints,

    /// <summary>Three or more points: the chosen method.</summary>
    Full,
}
