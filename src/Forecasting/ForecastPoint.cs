using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Pooled;

namespace Kencana.Forecasting;

/// <summary>The forecast for one year.</summary>
/// <param name="Year">The year forecast.</param>
/// <param name="Horizon">Years after the series' latest observation.</param>
/// <param name="Median">The point forecast: the median of the forecast distribution.</param>
/// <param name="Interval80">The 80% prediction interval.</param>
/// <param name="Interval95">The 95% prediction interval.</param>
/// <param name="Contributions">The pooled model's largest feature contributions to this forecast, largest first;
/// empty for methods without the pooled model.</param>
public sealed record ForecastPoint(
    int Year,
    int Horizon,
    double Median,
    PredictionInterval Interval80,
    PredictionInterval Interval95,
    IReadOnlyList<FeatureContribution> Contributions);
