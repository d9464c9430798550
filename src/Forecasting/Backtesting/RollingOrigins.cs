using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Backtesting;

/// <summary>Every origin of every series (after each of its points but the last), with the later observations within
/// the horizon limit as the cases to score.</summary>
internal sealed class RollingOrigins
{
    private RollingOrigins(List<BacktestOrigin> origins, List<BacktestCase> cases)
    {
        Origins = origins;
        Cases = cases;
    }

    public IReadOnlyList<BacktestOrigin> Origins { get; }

    public IReadOnlyList<BacktestCase> Cases { get; }

    public static RollingOrigins Of(IReadOnlyList<TransformedHistory> histories, int maxHorizon, int folds)
    {
        var origins = new List<BacktestOrigin>();
        var cases = new List<BacktestCase>();
        var foldOf = FoldsByRegionCode(histories, folds);
        // Each origin's noise factor is measured against the scatter every series showed by then, not later.
        var noiseAt = new Dictionary<int, SeriesNoise>();
        SeriesNoise NoiseAt(int year)
        {
            if (!noiseAt.TryGetValue(year, out var noise))
            {
                noise = SeriesNoise.Of(histories.Select(h => h.Until(year)).OfType<TransformedHistory>());
                noiseAt[year] = noise;
            }
            return noise;
        }
        for (var s = 0; s < histories.Count; s++)
        {
            var history = histories[s];
            var scale = MaseScale(history);
            var years = history.Years;
            for (var count = 1; count < history.Count; count++)
            {
                var first = cases.Count;
                var originYear = years[count - 1];
                var noiseScale = NoiseAt(originYear).ScaleOf(history.Prefix(count));
                for (var j = count; j < history.Count && years[j] - originYear <= maxHorizon; j++)
                {
                    cases.Add(new BacktestCase(
                        s, count, originYear, years[j] - originYear, HistoryClasses.Of(count), history.Region.Level,
                        SurveyName.Differ(history.SurveyAt(count - 1), history.SurveyAt(j)),
                        history.Z[j], history.Values[j], history.Values[count - 1], scale, noiseScale, foldOf[s]));
                }
                if (cases.Count > first)
                {
                    origins.Add(new BacktestOrigin(s, count, first, cases.Count - first));
                }
            }
        }
        return new RollingOrigins(origins, cases);
    }

    /// <summary>MASE's denominator: the series' mean absolute change per year, over its whole history. Using the whole
    /// history (not only what was known at each origin) gives one- and two-point origins a scale too; it is a common
    /// divisor of every method's errors, so it cannot favour one.</summary>
    private static double MaseScale(TransformedHistory history)
    {
        if (history.Count < 2)
        {
            return double.NaN;
        }
        double sum = 0;
        for (var i = 1; i < history.Count; i++)
        {
            sum += Math.Abs(history.Values[i] - history.Values[i - 1]) / (history.Years[i] - history.Years[i - 1]);
        }
        var scale = sum / (history.Count - 1);
        return scale > 0 ? scale : double.NaN;
    }

    /// <summary>Regions dealt round-robin into folds in order of their codes, so the folds do not depend on the order
    /// the panel was given in.</summary>
    private static int[] FoldsByRegionCode(IReadOnlyList<TransformedHistory> histories, int folds)
    {
        var order = Enumerable.Range(0, histories.Count)
            .OrderBy(i => histories[i].Region.Code, StringComparer.Ordinal)
            .ToArray();
        var foldOf = new int[histories.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            foldOf[order[rank]] = rank % folds;
        }
        return foldOf;
    }
}
