using System.Collections.Concurrent;

namespace Kencana.Forecasting.Intervals;

/// <summary>Absolute model-space residuals of rolling-origin backtests, pooled per level group, history class and
/// horizon across every series of an indicator. One series has 1 to 10 points, far too few residuals of its own; the
/// pools have dozens to hundreds, which is what makes conformal intervals possible at all.</summary>
internal sealed class Calibration
{
    /// <summary>The model-space error scale per √year assumed when no residual exists: about ±25% a year in odds or
    /// in level at one standard deviation, deliberately wide.</summary>
    public const double PriorScalePerSqrtYear = 0.25;

    private const int FewestForStudentT = 2;
    private static readonly double[] CheckedLevels = [0.8, 0.95];
    private readonly Dictionary<(PoolGroup Group, HistoryClass Class, int Horizon), double[]> pools;
    private readonly Dictionary<(HistoryClass Class, int Horizon), double[]> merged;
    private readonly ConcurrentDictionary<(PoolGroup, HistoryClass, int), CalibratedError> resolved = new();

    public Calibration(IEnumerable<CalibrationEntry> entries)
    {
        pools = [];
        foreach (var entry in entries)
        {
            var sorted = entry.Residuals.Select(Math.Abs).Where(double.IsFinite).ToArray();
            Array.Sort(sorted);
            pools[(entry.Group, entry.Class, entry.Horizon)] = sorted;
        }
        merged = pools.GroupBy(p => (p.Key.Class, p.Key.Horizon))
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).Order().ToArray());
    }

    /// <summary>The pools, for saving.</summary>
    public IEnumerable<CalibrationEntry> Entries =>
        pools.OrderBy(p => p.Key.Group).ThenBy(p => p.Key.Class).ThenBy(p => p.Key.Horizon)
            .Select(p => new CalibrationEntry(p.Key.Group, p.Key.Class, p.Key.Horizon, p.Value));

    /// <summary>The error distribution the forecaster uses: <see cref="Resolve(PoolGroup, HistoryClass, int)"/>,
    /// widened by <paramref name="sparseWidening"/> for one- and two-point histories.</summary>
    public CalibratedError Resolve(PoolGroup group, HistoryClass historyClass, int horizon, double sparseWidening)
    {
        var error = Resolve(group, historyClass, horizon);
        return historyClass == HistoryClass.Full || sparseWidening == 1
            ? error
            : error with { Distribution = error.Distribution.Scaled(sparseWidening) };
    }

    /// <summary>The error distribution for a forecast of <paramref name="horizon"/> years from a history of class
    /// <paramref name="historyClass"/> in level group <paramref name="group"/>. Never narrower than at a shorter
    /// horizon: a forecast further out cannot be more certain, even where few residuals happen to say so.</summary>
    public CalibratedError Resolve(PoolGroup group, HistoryClass historyClass, int horizon) =>
        resolved.GetOrAdd((group, historyClass, horizon), key => Monotone(key.Item1, key.Item2, key.Item3));

    private CalibratedError Monotone(PoolGroup group, HistoryClass historyClass, int horizon)
    {
        var own = Unadjusted(group, historyClass, horizon);
        if (horizon == 1)
        {
            return own;
        }
        var shorter = Resolve(group, historyClass, horizon - 1);
        var factor = CheckedLevels.Max(l => shorter.Distribution.Radius(l) / Math.Max(own.Distribution.Radius(l), 1e-12));
        return factor > 1 ? own with { Distribution = own.Distribution.Scaled(factor) } : own;
    }

    /// <summary>
    /// The calibration of the nearest horizon that has one, widened to <paramref name="horizon"/>: errors of a
    /// trending forecast grow roughly like a random walk's, with the square root of the horizon.
    /// </summary>
    private CalibratedError Extrapolated(PoolGroup group, HistoryClass historyClass, int horizon, int near, CalibrationQuality quality)
    {
        var basis = Unadjusted(group, historyClass, near);
        return new CalibratedError(basis.Distribution.Scaled(Math.Sqrt((double)horizon / near)), quality, basis.ResidualCount, near);
    }

    /// <summary>The group's own pool when it is large enough for conformal ranks; else all groups' pool rescaled to the
    /// group's own spread (its root mean square error) when the group has a few residuals; else a Student-t on those;
    /// else the group's nearest horizon with residuals, rescaled by √(h / h'); else all groups' pool; else a wide
    /// default. A group's own residuals always come first: a province is never given a kabupaten's width.</summary>
    private CalibratedError Unadjusted(PoolGroup group, HistoryClass historyClass, int horizon)
    {
        var own = Pool(group, historyClass, horizon);
        if (own.Length >= ConformalErrorDistribution.MinimumCount)
        {
            return new CalibratedError(new ConformalErrorDistribution(own), CalibrationQuality.Conformal, own.Length);
        }
        var all = merged.TryGetValue((historyClass, horizon), out var m) ? m : [];
        if (own.Length >= FewestForStudentT)
        {
            return all.Length >= ConformalErrorDistribution.MinimumCount
                ? new CalibratedError(new ConformalErrorDistribution(all, Rms(own) / Math.Max(Rms(all), 1e-12)), CalibrationQuality.FewResiduals, own.Length)
                : new CalibratedError(FitStudentT(own), CalibrationQuality.FewResiduals, own.Length);
        }
        if (Nearest(group, historyClass, horizon) is { } near)
        {
            return Extrapolated(group, historyClass, horizon, near, CalibrationQuality.ExtrapolatedHorizon);
        }
        // The group has no residual of this kind at all: other levels' residuals stand in, flagged.
        if (all.Length >= ConformalErrorDistribution.MinimumCount)
        {
            return new CalibratedError(new ConformalErrorDistribution(all), CalibrationQuality.OtherLevels, all.Length);
        }
        if (all.Length >= FewestForStudentT)
        {
            return new CalibratedError(FitStudentT(all), CalibrationQuality.OtherLevels, all.Length);
        }
        if (NearestMerged(historyClass, horizon) is { } nearAll)
        {
            return Extrapolated(group, historyClass, horizon, nearAll, CalibrationQuality.OtherLevels);
        }
        return new CalibratedError(
            new StudentTErrorDistribution(2, PriorScalePerSqrtYear * Math.Sqrt(horizon)),
            CalibrationQuality.Uncalibrated,
            0);
    }

    /// <summary>The horizon nearest <paramref name="horizon"/> at which all groups together have residuals of the class
    /// enough for a Student-t, or null.</summary>
    private int? NearestMerged(HistoryClass historyClass, int horizon)
    {
        var candidates = merged.Where(p => p.Key.Class == historyClass && p.Key.Horizon != horizon && p.Value.Length >= FewestForStudentT)
            .Select(p => p.Key.Horizon).ToArray();
        return candidates.Length == 0 ? null : candidates.OrderBy(h => Math.Abs(h - horizon)).ThenBy(h => h).First();
    }

    /// <summary>The horizon nearest <paramref name="horizon"/> (shorter first on a tie) at which the group and class
    /// have residuals enough for a Student-t, or null.</summary>
    private int? Nearest(PoolGroup group, HistoryClass historyClass, int horizon)
    {
        var candidates = pools.Where(p => p.Key.Group == group && p.Key.Class == historyClass && p.Key.Horizon != horizon && p.Value.Length >= FewestForStudentT)
            .Select(p => p.Key.Horizon).ToArray();
        return candidates.Length == 0 ? null : candidates.OrderBy(h => Math.Abs(h - horizon)).ThenBy(h => h).First();
    }

    /// <summary>How much larger forecast errors are when the next value comes from another survey family: the ratio
    /// of root mean square residuals with and without a survey change, at least 1.</summary>
    public static double SurveyChangeFactor(IEnumerable<(double Residual, bool SurveyChange)> residuals)
    {
        var list = residuals.Where(r => double.IsFinite(r.Residual)).ToArray();
        var changed = list.Where(r => r.SurveyChange).Select(r => r.Residual).ToArray();
        var same = list.Where(r => !r.SurveyChange).Select(r => r.Residual).ToArray();
        // Too few of either kind to compare says nothing either way.
        return changed.Length < 10 || same.Length < 10 ? 1 : Math.Max(1, Rms(changed) / Math.Max(Rms(same), 1e-12));
    }

    private double[] Pool(PoolGroup group, HistoryClass historyClass, int horizon) =>
        pools.TryGetValue((group, historyClass, horizon), out var pool) ? pool : [];

    private static double Rms(double[] values) => Math.Sqrt(values.Sum(a => a * a) / values.Length);

    private static StudentTErrorDistribution FitStudentT(double[] absolute)
    {
        // All residuals zero (a perfectly fitted toy panel) would give a zero-width interval: no data supports that.
        return new StudentTErrorDistribution(absolute.Length, Math.Max(Rms(absolute), 1e-6));
    }
}
