namespace Kencana.Forecasting.Intervals;

/// <summary>How an interval's error distribution was obtained, from best to worst.</summary>
internal enum CalibrationQuality
{
    /// <summary>Conformal ranks of enough pooled backtest residuals at this horizon.</summary>
    Conformal,

    /// <summary>A Student-t fitted to the few residuals there are at this horizon.</summary>
    FewResiduals,

    /// <summary>No residuals at this horizon: a shorter horizon's distribution widened by √(h / h0).</summary>
    ExtrapolatedHorizon,

    /// <summary>No residual of this level group and history length: other levels' residuals stand in.</summary>
    OtherLevels,

    /// <summary>No residuals at all: a wide default.</summary>
    Uncalibrated,
}
