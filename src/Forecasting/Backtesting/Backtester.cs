using System.Globalization;
using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>Rolling-origin backtests of every candidate method over a panel: each series is cut after each of its
/// points, every method forecasts the later points from what was known then (its parent's and the nation's series cut
/// at the same year), and the methods are scored side by side on the same forecasts, over all regions and per
/// level.</summary>
public static class Backtester
{
    /// <summary>Below this many scored forecasts the report says the choice is weakly supported.</summary>
    private const int WeakEvidence = 50;

    /// <summary>Backtests every candidate method on <paramref name="panel"/> and reports their scores beside naive's,
    /// with the method a model trained on this panel would use.</summary>
    /// <param name="panel">The indicator's series.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public static BacktestReport Run(SeriesPanel panel, ForecastOptions? options = null) =>
        Evaluate(panel, options ?? new ForecastOptions()).Report;

    internal static BacktestOutcome Evaluate(SeriesPanel panel, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        options.Validate();
        var transform = ValueTransform.For(panel.Indicator.Unit);
        var histories = panel.Series.Select(s => TransformedHistory.Of(s, transform)).ToArray();
        var anchors = new Anchors(histories);
        var rolling = RollingOrigins.Of(histories, options.MaxHorizon, options.CoverageFolds);
        var forecasts = new CaseForecasts(rolling.Cases);
        var candidates = options.CandidateMethods.Append(ForecastMethod.Naive).Distinct().Order().ToArray();
        var notes = new List<string>();

        RunLocalMethods(histories, rolling, forecasts, LocalMethodsNeeded(candidates));
        // The prior is needed by the pooled model and the benchmark alike, so it always runs.
        RunHierarchical(histories, anchors, rolling, forecasts, options);
        if (candidates.Any(UsesPooledModel))
        {
            PooledBacktest.Run(histories, anchors, rolling, forecasts, options, notes);
        }
        var compared = Enumerable.Range(0, rolling.Cases.Count).ToArray();
        var calibrations = candidates.ToDictionary(m => m, m => MethodScorer.FoldCalibrations(m, rolling.Cases, forecasts, options));
        var scores = candidates.Select(m => MethodScorer.Score(m, compared, rolling.Cases, forecasts, transform, options, calibrations[m])).ToArray();
        var levels = compared.GroupBy(i => LevelName(rolling.Cases[i].Level)).OrderBy(g => rolling.Cases[g.First()].Level)
            .Select(g => new LevelScores(g.Key, g.Count(), [.. candidates.Select(m => MethodScorer.Score(m, [.. g], rolling.Cases, forecasts, transform, options, calibrations[m]))]))
            .ToArray();
        var origins = compared.GroupBy(i => (rolling.Cases[i].Level > AdminLevel.City ? AdminLevel.District : rolling.Cases[i].Level == AdminLevel.City ? AdminLevel.Regency : rolling.Cases[i].Level, rolling.Cases[i].OriginYear))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.OriginYear)
            .Select(g => new LevelScores(
                string.Create(CultureInfo.InvariantCulture, $"{LevelName(g.Key.Item1)}, from {g.Key.OriginYear}"),
                g.Count(),
                [.. candidates.Select(m => MethodScorer.Score(m, [.. g], rolling.Cases, forecasts, transform, options, calibrations[m]))]))
            .ToArray();
        var chosen = Choose(scores, options, notes);
        var unscaled = compared.Count(i => !double.IsFinite(rolling.Cases[i].Scale));
        if (unscaled > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"MASE leaves out {unscaled} forecasts of series that never changed."));
        }
        if (compared.Length == 0)
        {
            notes.Add("No series has a later point after any origin: no method could be compared, so naive is used.");
        }
        else if (compared.Length < WeakEvidence)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only {compared.Length} forecasts could be scored: the choice of method rests on little evidence."));
        }
        var originYears = compared.Select(i => rolling.Cases[i].OriginYear).Distinct().Order().ToArray();
        var report = new BacktestReport(panel.Indicator.Code, panel.Series.Count, compared.Length, originYears, chosen, scores, levels, origins, notes);
        return new BacktestOutcome(report, histories, anchors, rolling.Cases, forecasts);
    }

    internal static bool UsesPooledModel(ForecastMethod method) =>
        method is ForecastMethod.Global or ForecastMethod.Combination;

    /// <summary>How a report names a level.</summary>
    internal static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Nation => "nation",
        AdminLevel.Province => "province",
        AdminLevel.Regency or AdminLevel.City => "kabupaten/kota",
        _ => "below kabupaten/kota",
    };

    private static ForecastMethod[] LocalMethodsNeeded(IEnumerable<ForecastMethod> candidates)
    {
        // Naive and drift stand in for the benchmarks on short histories, so they always run.
        var needed = new HashSet<ForecastMethod> { ForecastMethod.Naive, ForecastMethod.Drift };
        foreach (var method in candidates)
        {
            if (method == ForecastMethod.Combination)
            {
                needed.Add(ForecastMethod.DampedTrend);
                needed.Add(ForecastMethod.Theta);
            }
            else if (LocalMethods.IsLocal(method))
            {
                needed.Add(method);
            }
        }
        return [.. needed.Order()];
    }

    private static void RunLocalMethods(TransformedHistory[] histories, RollingOrigins rolling, CaseForecasts forecasts, ForecastMethod[] methods)
    {
        var outputs = methods.Select(forecasts.For).ToArray();
        foreach (var origin in rolling.Origins)
        {
            var history = histories[origin.Series].Prefix(origin.Count);
            var horizons = Horizons(rolling, origin);
            for (var m = 0; m < methods.Length; m++)
            {
                var method = LocalMethods.For(methods[m]);
                if (history.Count < method.MinimumPoints)
                {
                    continue;
                }
                method.Forecast(history, horizons).CopyTo(outputs[m], origin.FirstCase);
            }
        }
    }

    private static void RunHierarchical(TransformedHistory[] histories, Anchors anchors, RollingOrigins rolling, CaseForecasts forecasts, ForecastOptions options)
    {
        var output = forecasts.For(ForecastMethod.Hierarchical);
        foreach (var origin in rolling.Origins)
        {
            var history = histories[origin.Series].Prefix(origin.Count);
            var prior = HierarchicalPrior.Of(history, anchors.At(history), options);
            var horizons = Horizons(rolling, origin);
            for (var k = 0; k < horizons.Length; k++)
            {
                output[origin.FirstCase + k] = prior.At(horizons[k]);
            }
        }
    }

    private static int[] Horizons(RollingOrigins rolling, BacktestOrigin origin)
    {
        var horizons = new int[origin.CaseCount];
        for (var k = 0; k < horizons.Length; k++)
        {
            horizons[k] = rolling.Cases[origin.FirstCase + k].Horizon;
        }
        return horizons;
    }

    /// <summary>The method with the lowest mean absolute error over the cases every method was scored on. MAE rather
    /// than MASE: a two-point series' MASE scale is the very change its one-point origin forecasts, so MASE rewards
    /// naive there by construction; on the same cases of one indicator, absolute errors compare fairly.</summary>
    private static ForecastMethod Choose(MethodScore[] scores, ForecastOptions options, List<string> notes)
    {
        var eligible = scores.Where(s => options.CandidateMethods.Contains(s.Method) && s.Cases > 0 && double.IsFinite(s.Mae)).ToArray();
        if (eligible.Length == 0)
        {
            notes.Add("No forecast could be scored: naive is used.");
            return ForecastMethod.Naive;
        }
        // MinBy keeps the first of equals: the simpler method, as methods are in order of complexity.
        return eligible.MinBy(s => s.Mae)!.Method;
    }
}
