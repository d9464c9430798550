using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Pooled;

/// <summary>Rolling-origin training rows for the pooled model: every origin of every series, one point or more, paired
/// with every later observation within the horizon limit. The model is direct: one row per horizon, rather than
/// feeding its own one-step forecasts back in. Anchors are cut at each origin, so no row sees its parent's future.</summary>
internal static class TrainingRows
{
    /// <param name="histories">Every series of the indicator.</param>
    /// <param name="anchors">The parents and the nation.</param>
    /// <param name="options">Settings (horizon limit, pooling constants).</param>
    /// <param name="lastTargetYear">Only outcomes observed up to this year; a backtest fold must not learn from the
    /// future it is scored on.</param>
    public static List<PooledFeatures> From(IEnumerable<TransformedHistory> histories, Anchors anchors, ForecastOptions options, int lastTargetYear = int.MaxValue)
    {
        var rows = new List<PooledFeatures>();
        foreach (var history in histories)
        {
            var years = history.Years;
            var z = history.Z;
            for (var count = 1; count < history.Count; count++)
            {
                var origin = history.Prefix(count);
                OriginFeatures? features = null;
                for (var j = count; j < history.Count; j++)
                {
                    var horizon = years[j] - origin.LastYear;
                    if (horizon > options.MaxHorizon || years[j] > lastTargetYear)
                    {
                        break;
                    }
                    features ??= OriginFeatures.Of(origin, anchors.At(origin), options);
                    rows.Add(features.ForHorizon(horizon, SurveyName.Differ(origin.LastSurvey, history.SurveyAt(j)), z[j]));
                }
            }
        }
        return rows;
    }
}
