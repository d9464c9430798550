namespace Kencana.Forecasting.Intervals;

/// <summary>Absolute model-space residuals of rolling-origin backtests, pooled per history class and horizon across
/// every series of an indicator. One series has 3 to 10 points, far too few residuals of its own; the pool has
/// hundreds, which is what makes conformal intervals possible at all.</summary>
internal sealed class Calibration
{
    /// <summary>The model-space error scale per √year assumed when no residual exists: about ±25% a year in odds or
    /// in level at one standard deviation, deliberately wide.</summary>
    public const double PriorScalePerSqrtYear = 0.25;

    private const int FewestForStudentT = 2;
    private readonly Dictionary<(HistoryClass Class, int Horizon), double[]> pools;

    public Calibration(IEnumerable<CalibrationEntry> entries)
    {
        pools = [];
        foreach (var entry in entries)
        {
            var sorted = entry.Residuals.Select(Math.Abs).Where(double.IsFinite).ToArray();
            Array.Sort(sorted);
            pools[(entry.Class, entry.Horizon)] = sorted;
        }
    }

    /// <summary>The pools, for saving.</summary>
    public IEnumerable<CalibrationEntry> Entries =>
        pools.OrderBy(p => p.Key.Class).ThenBy(p => p.Key.Horizon).Select(p => new CalibrationEntry(p.Key.Class, p.Key.Horizon, p.Value));

    /// <summary>The error distribution the forecaster uses: <see cref="Resolve(HistoryClass, int)"/>, widened by
    /// <paramref name="sparseWidening"/> for one- and two-point histories.</summary>
    public CalibratedError Resolve(HistoryClass historyClass, int horizon, double sparseWidening)
    {
        var resolved = Resolve(historyClass, horizon);
        return historyClass == HistoryClass.Full
            ? resolved
            : resolved with { Distribution = resolved.Distribution.Scaled(sparseWidening) };
    }

    /// <summary>The error distribution for a forecast of <paramref name="horizon"/> years from a history of class
    /// <paramref name="historyClass"/>.</summary>
    public CalibratedError Resolve(HistoryClass historyClass, int horizon)
    {
        var own = Pool(historyClass, horizon);
        if (own.Length >= ConformalErrorDistribution.MinimumCount)
        {
            return new CalibratedError(new ConformalErrorDistribution(own), CalibrationQuality.Conformal, own.Length);
        }
        if (own.Length >= FewestForStudentT)
        {
            return new CalibratedError(FitStudentT(own), CalibrationQuality.FewResiduals, own.Length);
        }
        for (var shorter = horizon - 1; shorter >= 1; shorter--)
        {
            if (Pool(historyClass, shorter).Length >= FewestForStudentT)
            {
                // Errors of a trending forecast grow roughly like a random walk's: with the square root of the horizon.
                var basis = Resolve(historyClass, shorter);
                return new CalibratedError(
                    basis.Distribution.Scaled(Math.Sqrt((double)horizon / shorter)),
                    CalibrationQuality.ExtrapolatedHorizon,
                    basis.ResidualCount,
                    shorter);
            }
        }
        return new CalibratedError(
            new StudentTErrorDistribution(2, PriorScalePerSqrtYear * Math.Sqrt(horizon)),
            CalibrationQuality.Uncalibrated,
            0);
    }

    private double[] Pool(HistoryClass historyClass, int horizon) =>
        pools.TryGetValue((historyClass, horizon), out var pool) ? pool : [];

    private static StudentTErrorDistribution FitStudentT(double[] absolute)
    {
        var rms = Math.Sqrt(absolute.Sum(a => a * a) / absolute.Length);
        // All residuals zero (a perfectly fitted toy panel) would give a zero-width interval: no data supports that.
        return new StudentTErrorDistribution(absolute.Length, Math.Max(rms, 1e-6));
    }
}
