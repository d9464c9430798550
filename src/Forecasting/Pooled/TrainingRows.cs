using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Pooled;

/// <summary>Rolling-origin training rows for the pooled model: every origin with a full history, paired with every
/// later observation within the horizon limit. The model is direct: one row per horizon, rather than feeding its own
/// one-step forecasts back in.</summary>
internal static class TrainingRows
{
    /// <param name="histories">Every series of the indicator.</param>
    /// <param name="maxHorizon">The longest horizon to learn.</param>
    /// <param name="lastTargetYear">Only outcomes observed up to this year; a backtest fold must not learn from the
    /// future it is scored on.</param>
    public static List<PooledFeatures> From(IEnumerable<TransformedHistory> histories, int maxHorizon, int lastTargetYear = int.MaxValue)
    {
        var rows = new List<PooledFeatures>();
        foreach (var history in histories)
        {
            var years = history.Years;
            var z = history.Z;
            for (var count = LocalMethods.FullHistory; count < history.Count; count++)
            {
                var origin = history.Prefix(count);
                OriginFeatures? features = null;
                for (var j = count; j < history.Count; j++)
                {
                    var horizon = years[j] - origin.LastYear;
                    if (horizon > maxHorizon || years[j] > lastTargetYear)
                    {
                        break;
                    }
                    features ??= OriginFeatures.Of(origin);
                    rows.Add(features.ForHorizon(horizon, z[j] - origin.LastZ));
                }
            }
        }
        return rows;
    }
}
