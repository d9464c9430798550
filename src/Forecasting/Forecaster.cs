using System.Globalization;
using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Outlook;
using Kencana.Forecasting.Pooled;
using Kencana.Forecasting.Training;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting;

/// <summary>Forecasts series of one indicator with a <see cref="TrainedModel"/>: medians, 80% and 95% intervals, the
/// pooled model's feature contributions, and the outlook against a target. Safe to share between threads.</summary>
public sealed class Forecaster
{
    /// <summary>The longest forecast, in years after a series' latest observation.</summary>
    public const int MaxHorizon = 30;

    private const double Level80 = 0.8;
    private const double Level95 = 0.95;
    private readonly ValueTransform transform;

    /// <summary>A forecaster for the indicator <paramref name="model"/> was trained on.</summary>
    /// <param name="model">The trained model.</param>
    public Forecaster(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        transform = ValueTransform.For(model.Metadata.Indicator.Unit);
    }

    /// <summary>The model forecasts come from.</summary>
    public TrainedModel Model { get; }

    /// <summary>Forecasts <paramref name="series"/> for each of the <paramref name="horizon"/> years after its latest
    /// observation (more when <paramref name="target"/> lies further out), with the outlook against the target.</summary>
    /// <param name="series">A series of the model's indicator.</param>
    /// <param name="horizon">Years to forecast, 1 to <see cref="MaxHorizon"/>.</param>
    /// <param name="target">A target to assess, or null. Its year must come after the latest observation.</param>
    /// <exception cref="ArgumentException">The series measures another indicator, the horizon is out of range, or
    /// the target is outside the indicator's range or not in the future of the series.</exception>
    public ForecastResult Forecast(Series series, int horizon, Target? target = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var indicator = Model.Metadata.Indicator;
        if (series.Indicator != indicator)
        {
            throw new ArgumentException(
                $"This model forecasts {indicator.Code} ({indicator.Unit}, {indicator.BetterWhen} is better); the series is {series.Indicator.Code} ({series.Indicator.Unit}, {series.Indicator.BetterWhen} is better).",
                nameof(series));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, MaxHorizon);
        var latest = series.Latest;
        if (target is not null)
        {
            indicator.CheckValue(target.Value, nameof(target));
            if (target.Year <= latest.Year || target.Year - latest.Year > MaxHorizon)
            {
                throw new ArgumentException(
                    $"The target year {target.Year} must lie 1 to {MaxHorizon} years after the latest observation ({latest.Year}).",
                    nameof(target));
            }
            horizon = Math.Max(horizon, target.Year - latest.Year);
        }

        var options = Model.Metadata.Options;
        var history = TransformedHistory.Of(series, transform);
        var method = LocalMethods.Effective(Model.Metadata.Method, history.Count);
        var horizons = Enumerable.Range(1, horizon).ToArray();
        var warnings = new WarningList();
        var (centers, contributions) = Centers(method, history, horizons, warnings);
        var historyClass = HistoryClasses.Of(history.Count);
        var errors = horizons.Select(h => Model.Calibration.Resolve(historyClass, h, options.SparseWidening)).ToArray();
        var points = horizons.Select((h, i) => new ForecastPoint(
            latest.Year + h,
            h,
            transform.Inverse(centers[i]),
            PredictionInterval.Around(centers[i], errors[i].Distribution, Level80, transform),
            PredictionInterval.Around(centers[i], errors[i].Distribution, Level95, transform),
            contributions[i])).ToArray();

        WarnAboutHistory(series, options, warnings);
        WarnAboutCalibration(horizons, errors, warnings);
        var outlook = target is null ? null : Assess(series, target, centers, errors, points, warnings);
        var reliability = ReliabilityOf(history.Count, errors, warnings);
        var decimals = Precision.SuggestedDecimals(series.Points.Select(p => p.Value), points.Min(p => p.Interval80.Width));
        return new ForecastResult(
            indicator.Code, series.Region.Code, method, Model.Metadata.Method, latest, points, outlook, reliability, warnings.Items, decimals);
    }

    private (double[] Centers, IReadOnlyList<FeatureContribution>[] Contributions) Centers(
        ForecastMethod method, TransformedHistory history, int[] horizons, WarningList warnings)
    {
        var none = horizons.Select(_ => (IReadOnlyList<FeatureContribution>)[]).ToArray();
        if (!Backtester.UsesPooledModel(method))
        {
            return (LocalMethods.For(method).Forecast(history, horizons), none);
        }
        var pooled = Model.Pooled ?? throw new InvalidOperationException($"The model uses {method} but holds no pooled model.");
        var features = OriginFeatures.Of(history);
        var clamped = horizons.Select(h => PooledHorizon.Clamp(h, pooled.MaxHorizon)).ToArray();
        var top = Model.Metadata.Options.TopContributions;
        var predictions = pooled.Predict(clamped.Select(c => features.ForHorizon(c.Horizon)).ToArray(), explain: top > 0);
        var pooledCenters = predictions.Select((p, i) => history.LastZ + (clamped[i].Stretch * p.Change)).ToArray();
        var weight = 1.0;
        var centers = pooledCenters;
        if (method == ForecastMethod.Combination)
        {
            var damped = LocalMethods.For(ForecastMethod.DampedTrend).Forecast(history, horizons);
            var theta = LocalMethods.For(ForecastMethod.Theta).Forecast(history, horizons);
            centers = pooledCenters.Select((g, i) => CaseForecasts.Combine(damped[i], theta[i], g)).ToArray();
            weight = CaseForecasts.CombinationWeight;
        }
        var beyond = horizons.Where(h => h > pooled.MaxHorizon).ToArray();
        if (beyond.Length > 0)
        {
            warnings.Add(
                WarningKind.HorizonBeyondPooledModel,
                $"The pooled model learned horizons up to {pooled.MaxHorizon} years; its changes for horizons {WarningList.Horizons(beyond)} are stretched in proportion from that horizon.");
        }
        var contributions = predictions.Select((p, i) => (IReadOnlyList<FeatureContribution>)p.Contributions
            // Model-space contribution, times the pooled model's weight in the forecast, times the local slope of the
            // back-transform: the shift in the indicator's own unit near this forecast.
            .Select(c => new FeatureContribution(c.Key, weight * clamped[i].Stretch * c.Value * transform.Slope(centers[i])))
            .Where(c => c.Effect != 0)
            .OrderByDescending(c => Math.Abs(c.Effect))
            .ThenBy(c => c.Feature, StringComparer.Ordinal)
            .Take(top)
            .ToArray()).ToArray();
        return (centers, contributions);
    }

    private static void WarnAboutHistory(Series series, ForecastOptions options, WarningList warnings)
    {
        var points = series.Points;
        if (points.Count == 1)
        {
            warnings.Add(
                WarningKind.SinglePoint,
                $"Only one observation ({points[0].Year}): the forecast carries it forward unchanged and its intervals are widened {options.SparseWidening}x. Read it as indicative only.");
        }
        else if (points.Count == 2)
        {
            warnings.Add(
                WarningKind.TwoPoints,
                $"Only two observations ({points[0].Year} and {points[1].Year}): the forecast extends the change between them and its intervals are widened {options.SparseWidening}x. Read it as indicative only.");
        }
        if (series.Indicator.IsBounded && series.Latest.Value is <= 0 or >= 100)
        {
            warnings.Add(
                WarningKind.ValueAtBound,
                $"The latest value, {series.Latest.Value}, is at the bound of the 0-100 range; the logit scale treats it as 0.01 or 99.99.");
        }
    }

    private static void WarnAboutCalibration(int[] horizons, CalibratedError[] errors, WarningList warnings)
    {
        int[] With(CalibrationQuality quality) => horizons.Where((_, i) => errors[i].Quality == quality).ToArray();

        var few = With(CalibrationQuality.FewResiduals);
        if (few.Length > 0)
        {
            var counts = errors.Where(e => e.Quality == CalibrationQuality.FewResiduals).Select(e => e.ResidualCount).ToArray();
            var range = counts.Min() == counts.Max()
                ? counts.Min().ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{counts.Min()} to {counts.Max()}");
            warnings.Add(
                WarningKind.FewCalibrationResiduals,
                $"{Horizons(few)} {(few.Length == 1 ? "rests" : "rest")} on only {range} backtest residuals ({ConformalErrorDistribution.MinimumCount} are needed for conformal calibration): a Student-t widens {(few.Length == 1 ? "it" : "them")} accordingly.");
        }
        var extrapolated = With(CalibrationQuality.ExtrapolatedHorizon);
        if (extrapolated.Length > 0)
        {
            var from = errors.First(e => e.Quality == CalibrationQuality.ExtrapolatedHorizon).FromHorizon;
            warnings.Add(
                WarningKind.HorizonBeyondBacktest,
                $"{Horizons(extrapolated)} {(extrapolated.Length == 1 ? "is" : "are")} widened from horizon {from} by the square root of the horizon ratio: the backtest scored no forecast that far ahead.");
        }
        var uncalibrated = With(CalibrationQuality.Uncalibrated);
        if (uncalibrated.Length > 0)
        {
            warnings.Add(
                WarningKind.UncalibratedIntervals,
                $"{Horizons(uncalibrated)} {(uncalibrated.Length == 1 ? "is" : "are")} a wide default, not calibrated: no backtest residual exists for this kind of history.");
        }
    }

    /// <summary>"The interval for horizon 1" or "The intervals for horizons 2-5".</summary>
    private static string Horizons(int[] horizons) => horizons.Length == 1
        ? string.Create(CultureInfo.InvariantCulture, $"The interval for horizon {horizons[0]}")
        : $"The intervals for horizons {WarningList.Horizons(horizons)}";

    private TargetOutlook Assess(Series series, Target target, double[] centers, CalibratedError[] errors, ForecastPoint[] points, WarningList warnings)
    {
        var indicator = series.Indicator;
        var latest = series.Latest;
        var years = target.Year - latest.Year;
        var center = centers[years - 1];
        // P(value <= target) is P(error <= z(target) - forecast) in model space, where the error distribution lives.
        var below = errors[years - 1].Distribution.Cdf(transform.Forward(target.Value) - center);
        var probability = indicator.BetterWhen == BetterWhen.Lower ? below : 1 - below;
        var projected = transform.Inverse(center);
        int? crossing;
        if (indicator.Meets(latest.Value, target.Value))
        {
            crossing = latest.Year;
            warnings.Add(WarningKind.TargetAlreadyMet, $"The latest value ({latest.Value} in {latest.Year}) already meets the target of {target.Value}.");
        }
        else
        {
            crossing = points.FirstOrDefault(p => indicator.Meets(p.Median, target.Value))?.Year;
        }
        return new TargetOutlook(
            target,
            projected,
            Math.Clamp(probability, 0, 1),
            Aarr.Current(series.Points),
            Aarr.Required(latest.Value, target.Value, years),
            crossing,
            indicator.Meets(projected, target.Value));
    }

    private static Reliability ReliabilityOf(int count, CalibratedError[] errors, WarningList warnings)
    {
        if (count < LocalMethods.FullHistory || errors.Any(e => e.Quality == CalibrationQuality.Uncalibrated))
        {
            return Reliability.Low;
        }
        return errors.Any(e => e.Quality != CalibrationQuality.Conformal) || warnings.Has(WarningKind.HorizonBeyondPooledModel)
            ? Reliability.Moderate
            : Reliability.High;
    }
}
