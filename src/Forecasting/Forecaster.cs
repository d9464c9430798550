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
    /// <param name="nextSurvey">The survey the next reading will come from, when known (<c>SKI 2023</c>): when it is of
    /// another family than the latest value's, the intervals are widened by how much more the backtest erred across
    /// survey changes. Null: the forecast projects a reading of the latest value's survey.</param>
    /// <exception cref="ArgumentException">The series measures another indicator, the horizon is out of range, or
    /// the target is outside the indicator's range or not in the future of the series.</exception>
    public ForecastResult Forecast(Series series, int horizon, Target? target = null, string? nextSurvey = null)
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
        var method = LocalMethods.ForForecast(Model.Metadata.Method, history.Count);
        if (Backtester.UsesPooledModel(method) && Model.Pooled is null)
        {
            method = ForecastMethod.Hierarchical;
        }
        var horizons = Enumerable.Range(1, horizon).ToArray();
        var warnings = new WarningList();
        var surveyAhead = SurveyName.Differ(latest.Survey, nextSurvey);
        var (centers, contributions) = Centers(method, history, horizons, surveyAhead, warnings);
        var historyClass = HistoryClasses.Of(history.Count);
        var group = PoolGroups.Of(series.Region.Level);
        var widening = (series.Lineage is { HistoryFromPredecessor: true } ? options.LineageWidening : 1)
            * (surveyAhead ? SurveyWidening : 1)
            * Model.Noise.ScaleOf(history);
        var errors = horizons.Select(h => Widened(Model.Calibration.Resolve(group, historyClass, h, options.SparseWidening), widening)).ToArray();
        KeepWidthsGrowing(centers, errors);
        var points = horizons.Select((h, i) => new ForecastPoint(
            latest.Year + h,
            h,
            transform.Inverse(centers[i]),
            PredictionInterval.Around(centers[i], errors[i].Distribution, Level80, transform),
            PredictionInterval.Around(centers[i], errors[i].Distribution, Level95, transform),
            contributions[i])).ToArray();

        WarnAboutHistory(series, method, warnings);
        WarnAboutSurveys(series, nextSurvey, surveyAhead, warnings);
        WarnAboutLargeChange(series, points, warnings);
        WarnAboutCalibration(horizons, errors, warnings);
        var outlook = target is null ? null : Assess(series, target, centers, errors, points, warnings);
        var reliability = ReliabilityOf(series, errors, warnings);
        var decimals = Precision.SuggestedDecimals(series.Points.Select(p => p.Value), points.Min(p => p.Interval80.Width));
        var projected = nextSurvey ?? SurveyName.Family(latest.Survey);
        return new ForecastResult(
            indicator.Code, series.Region.Code, method, Model.Metadata.Method, latest, points, outlook, reliability, warnings.Items, decimals,
            projected, series.Lineage);
    }

    /// <summary>Widens an interval wherever it would be narrower, in the indicator's unit, than the year before's. The
    /// model-space radius never shrinks with the horizon (see <see cref="Calibration"/>), but a median falling toward
    /// 0% sits where the logit scale compresses, and a planner reads widths in percentage points: a forecast further out
    /// must never look more certain.</summary>
    private void KeepWidthsGrowing(double[] centers, CalibratedError[] errors)
    {
        for (var i = 1; i < errors.Length; i++)
        {
            var factor = 1.0;
            foreach (var level in new[] { Level80, Level95 })
            {
                var previous = PredictionInterval.Around(centers[i - 1], errors[i - 1].Distribution, level, transform).Width;
                factor = Math.Max(factor, FactorFor(centers[i], errors[i].Distribution, level, previous));
            }
            errors[i] = Widened(errors[i], factor);
        }
    }

    /// <summary>The smallest factor (by bisection, at most 1000) that makes the interval at least
    /// <paramref name="width"/> wide; 1 when it already is.</summary>
    private double FactorFor(double center, ErrorDistribution errors, double level, double width)
    {
        double WidthAt(double f) => PredictionInterval.Around(center, errors.Scaled(f), level, transform).Width;
        if (WidthAt(1) >= width)
        {
            return 1;
        }
        double low = 1, high = 2;
        while (WidthAt(high) < width && high < 1000)
        {
            low = high;
            high *= 2;
        }
        for (var k = 0; k < 50; k++)
        {
            var mid = 0.5 * (low + high);
            if (WidthAt(mid) >= width)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        return high;
    }

    /// <summary>How much a next reading from another survey widens the intervals: the backtest's ratio of errors across
    /// survey changes, at least <see cref="ForecastOptions.MinimumSurveyWidening"/>.</summary>
    private double SurveyWidening => Math.Max(Model.SurveyChangeFactor, Model.Metadata.Options.MinimumSurveyWidening);

    private static CalibratedError Widened(CalibratedError error, double factor) =>
        factor == 1 ? error : error with { Distribution = error.Distribution.Scaled(factor) };

    private (double[] Centers, IReadOnlyList<FeatureContribution>[] Contributions) Centers(
        ForecastMethod method, TransformedHistory history, int[] horizons, bool surveyAhead, WarningList warnings)
    {
        var none = horizons.Select(_ => (IReadOnlyList<FeatureContribution>)[]).ToArray();
        if (LocalMethods.IsLocal(method))
        {
            return (LocalMethods.For(method).Forecast(history, horizons), none);
        }
        var options = Model.Metadata.Options;
        var features = OriginFeatures.Of(history, Model.Anchors.At(history), options);
        var prior = horizons.Select(features.Prior.At).ToArray();
        if (method == ForecastMethod.Hierarchical)
        {
            return (prior, none);
        }
        var pooled = Model.Pooled ?? throw new InvalidOperationException($"The model uses {method} but holds no pooled model.");
        var clamped = horizons.Select(h => PooledHorizon.Clamp(h, pooled.MaxHorizon)).ToArray();
        var top = options.TopContributions;
        var predictions = pooled.Predict(clamped.Select(c => features.ForHorizon(c.Horizon, surveyAhead)).ToArray(), explain: top > 0);
        var pooledCenters = predictions.Select((p, i) => prior[i] + (clamped[i].Stretch * p.Change)).ToArray();
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
                $"The pooled model learned horizons up to {pooled.MaxHorizon} years; its corrections for horizons {WarningList.Horizons(beyond)} are stretched in proportion from that horizon.");
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

    private static void WarnAboutHistory(Series series, ForecastMethod method, WarningList warnings)
    {
        var points = series.Points;
        var pooledMethod = method is ForecastMethod.Hierarchical or ForecastMethod.Global or ForecastMethod.Combination;
        if (points.Count == 1)
        {
            if (pooledMethod)
            {
                warnings.Add(
                    WarningKind.SinglePoint,
                    $"Only one observation ({points[0].Year}): the forecast starts from it, drawn toward its parent region's level, and follows its parent's trend (the nation's for a province). Read it as indicative only.");
            }
            else
            {
                warnings.Add(WarningKind.SinglePoint, $"Only one observation ({points[0].Year}): the forecast carries it forward unchanged. Read it as indicative only.");
            }
        }
        else if (points.Count == 2)
        {
            warnings.Add(
                WarningKind.TwoPoints,
                $"Only two observations ({points[0].Year} and {points[1].Year}): their slope is shrunk toward the parent region's and the nation's trend, not extended as it is. Read the forecast as indicative only.");
        }
        if (series.Indicator.IsBounded && series.Latest.Value is <= 0 or >= 100)
        {
            warnings.Add(
                WarningKind.ValueAtBound,
                $"The latest value, {series.Latest.Value}, is at the bound of the 0-100 range; the logit scale treats it as 0.01 or 99.99.");
        }
        if (series.Lineage is { } lineage)
        {
            warnings.Add(WarningKind.BoundaryChange, $"{lineage.Description} (predecessor {lineage.PredecessorCode}, boundary change of {lineage.ChangeYear}).");
        }
    }

    private void WarnAboutSurveys(Series series, string? nextSurvey, bool surveyAhead, WarningList warnings)
    {
        var latest = series.Latest;
        if (surveyAhead)
        {
            warnings.Add(
                WarningKind.SurveyChangeAhead,
                $"The next reading comes from {nextSurvey}, not {latest.Survey}: surveys differ in design, so the intervals are widened {SurveyWidening:0.00}x (the backtest erred {Model.SurveyChangeFactor:0.00}x as much across survey changes; at least {Model.Metadata.Options.MinimumSurveyWidening:0.00}x is assumed).");
        }
        var families = series.Points.Select(p => SurveyName.Family(p.Survey)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (families.Length > 1)
        {
            warnings.Add(
                WarningKind.MixedSurveys,
                $"The history mixes {string.Join(", ", families)} values; surveys differ in design, so part of the trend may be the change of survey.");
        }
    }

    private void WarnAboutLargeChange(Series series, ForecastPoint[] points, WarningList warnings)
    {
        if (series.Points.Count > 2 || Model.Metadata.LargestProvinceChange is not { } largest)
        {
            return;
        }
        var latest = series.Latest.Value;
        var beyond = points.FirstOrDefault(p => Math.Abs(p.Median - latest) > largest.Change);
        if (beyond is not null)
        {
            warnings.Add(
                WarningKind.ChangeBeyondObserved,
                $"From {series.Points.Count} observation(s) the forecast moves {Math.Abs(beyond.Median - latest):0.0} from the latest value by {beyond.Year}, more than any province changed between two surveys ({largest.Change:0.0}, province {largest.RegionCode}, {largest.FromYear}-{largest.ToYear}).");
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
                $"{Horizons(extrapolated)} {(extrapolated.Length == 1 ? "is" : "are")} rescaled from horizon {from} by the square root of the horizon ratio: the backtest scored no forecast of this kind and level at {(extrapolated.Length == 1 ? "that horizon" : "those horizons")}.");
        }
        var borrowed = With(CalibrationQuality.OtherLevels);
        if (borrowed.Length > 0)
        {
            warnings.Add(
                WarningKind.CalibratedOnOtherLevels,
                $"{Horizons(borrowed)} {(borrowed.Length == 1 ? "rests" : "rest")} on backtest residuals of other levels: the backtest scored no forecast from a history like this one at this level.");
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

    private static Reliability ReliabilityOf(Series series, CalibratedError[] errors, WarningList warnings)
    {
        if (series.Points.Count < LocalMethods.FullHistory || series.Lineage is { HistoryFromPredecessor: true }
            || errors.Any(e => e.Quality == CalibrationQuality.Uncalibrated) || warnings.Has(WarningKind.ChangeBeyondObserved))
        {
            return Reliability.Low;
        }
        return errors.Any(e => e.Quality != CalibrationQuality.Conformal) || warnings.Has(WarningKind.HorizonBeyondPooledModel)
            ? Reliability.Moderate
            : Reliability.High;
    }
}
