using System.Collections.Concurrent;
using System.Globalization;
using Kencana.Forecasting;
using Kencana.Forecasting.Training;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;
using ForecastTarget = Kencana.Forecasting.Input.Target;

namespace Kencana.Server.Forecasting;

/// <summary>Forecasts a region's indicator with the indicator's model, against a target; answers cached per data version.</summary>
public sealed class ForecastService(ModelRegistry models, ForecastPanels panels, RegionDirectory regions, TargetFinder targets, SeriesReader series, ForecastingOptions options)
{
    private readonly ConcurrentDictionary<(int Version, string Indicator, RegionCode Region, int Horizon, int? TargetYear, double? Target, string? NextSurvey), ForecastAnswer> _cache = new();

    /// <summary>Forecasts; the target defaults to the one stored for the region and year, else the nearest enclosing region's.</summary>
    /// <exception cref="UserInputException">The request cannot be answered; the message says why.</exception>
    public ForecastAnswer Forecast(Indicator indicator, Region region, int horizon, int? targetYear, double? targetValue, string? nextSurvey = null, CancellationToken cancellationToken = default)
    {
        if (horizon < 1 || horizon > options.MaxHorizon)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"horizon is {horizon}; forecast 1 to {options.MaxHorizon} years ahead (Forecasting:MaxHorizon).", "horizon");
        }
        if (targetValue is not null && targetYear is null)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, "target needs targetYear: say by when the value should be reached.", "target");
        }
        var model = models.Get(indicator.Code);
        var next = string.IsNullOrWhiteSpace(nextSurvey) ? null : nextSurvey.Trim();
        var key = (model.Metadata.DataVersion, indicator.Code, region.Code, horizon, targetYear, targetValue, next);
        return _cache.GetOrAdd(key, _ => Compute(indicator, region, horizon, targetYear, targetValue, next, model, cancellationToken));
    }

    /// <summary>
    /// Whether a region has whole-year values to forecast from: what <see cref="Forecast"/> needs, without the warehouse
    /// look-ups that explain a refusal, for callers that go through many regions (the forecasts export).
    /// </summary>
    public bool CanForecast(Indicator indicator, RegionCode region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var model = models.Get(indicator.Code);
        return panels.Get(ForecastInputs.Profile(indicator), model.Metadata.DataVersion, cancellationToken).ContainsKey(region);
    }

    /// <summary>
    /// Outlooks for the regions below a parent (or of a level) against their targets for a year. Ranked least likely
    /// to reach the target first, reliable projections before low-reliability ones (one or two points, a borrowed
    /// history), which follow in their own ranking with a note saying so: a two-point projection is never presented as
    /// the most likely to succeed. Regions with a value but no target for the year follow last, each saying why and
    /// naming the plan targets that exist.
    /// </summary>
    public IReadOnlyList<ForecastAnswer> Outlooks(Indicator indicator, RegionCode? parent, RegionLevel? level, int targetYear, CancellationToken cancellationToken = default)
    {
        var model = models.Get(indicator.Code);
        var scope = regions.List(level, parent, RegionDirectory.MaxPageSize, cancellationToken: cancellationToken);
        var panel = panels.Get(ForecastInputs.Profile(indicator), model.Metadata.DataVersion, cancellationToken);
        var answers = new List<ForecastAnswer>();
        foreach (var region in scope.Where(r => panel.ContainsKey(r.Code)))
        {
            var latest = panel[region.Code].Series.Latest.Year;
            if (targetYear <= latest)
            {
                continue;
            }
            answers.Add(Forecast(indicator, region, targetYear - latest, targetYear, null, cancellationToken: cancellationToken));
        }
        var withOutlook = answers.Where(a => a.Result.Outlook is not null).ToArray();
        var reliable = withOutlook.Where(a => a.Result.Reliability != Reliability.Low)
            .OrderBy(a => a.Result.Outlook!.Probability).ThenBy(a => a.Region.Code).ToArray();
        var low = withOutlook.Where(a => a.Result.Reliability == Reliability.Low)
            .OrderBy(a => a.Result.Outlook!.Probability).ThenBy(a => a.Region.Code)
            .Select(a => a with { RankNote = LowReliabilityNote(a, reliable.Length) }).ToArray();
        var without = answers.Where(a => a.Result.Outlook is null).OrderBy(a => a.Region.Code)
            .Select(a => a with { RankNote = "Listed after the outlooks: no target applies for the year (see outlookNote)." });
        return [.. reliable, .. low, .. without];
    }

    private static string LowReliabilityNote(ForecastAnswer answer, int reliableCount)
    {
        var why = answer.Result.Warnings.FirstOrDefault(w => w.Kind is WarningKind.SinglePoint or WarningKind.TwoPoints or WarningKind.BoundaryChange
                or WarningKind.ChangeBeyondObserved or WarningKind.UncalibratedIntervals)?.Message
            ?? (answer.Result.Warnings.Count > 0 ? answer.Result.Warnings[0].Message : null)
            ?? "Its reliability is low.";
        return string.Create(CultureInfo.InvariantCulture,
            $"Low reliability: ranked among the low-reliability projections, after the {reliableCount} reliable one(s), whatever its probability ({answer.Result.Outlook!.Probability:0.0}). {why}");
    }

    private ForecastAnswer Compute(Indicator indicator, Region region, int horizon, int? targetYear, double? targetValue, string? nextSurvey, TrainedModel model, CancellationToken cancellationToken)
    {
        var panel = panels.Get(ForecastInputs.Profile(indicator), model.Metadata.DataVersion, cancellationToken);
        if (!panel.TryGetValue(region.Code, out var input))
        {
            var why = panels.WhyNone(region.Code, cancellationToken);
            throw new UserInputException(ErrorCodes.NoData, why ?? $"{region.Name} ({region.Code}) has no whole-year {indicator.Code} values to forecast from.", "region");
        }
        var latest = input.Series.Latest.Year;
        ResolvedTarget? stored = null;
        ForecastTarget? target = null;
        string? outlookNote = null;
        IReadOnlyList<Target> planTargets = PlanTargets(indicator, region.Code, cancellationToken);
        if (targetYear is int year)
        {
            if (year <= latest)
            {
                throw new UserInputException(ErrorCodes.BadUserInput, $"targetYear {year} is not after the latest value ({latest}); the series already covers it.", "targetYear");
            }
            stored = targetValue is null ? targets.Find(indicator.Code, [region.Code], new Period(year), cancellationToken: cancellationToken).GetValueOrDefault(region.Code) : null;
            var value = targetValue ?? stored?.Target.Value;
            target = value is null ? null : new ForecastTarget(value.Value, year);
            horizon = Math.Max(horizon, year - latest);
            if (target is null)
            {
                outlookNote = NoTargetNote(indicator, region, year, planTargets);
            }
        }
        var result = new Forecaster(model).Forecast(input.Series, horizon, target, nextSurvey).Rounded();
        return new ForecastAnswer(indicator, region, result, model.Metadata, stored, input.IsSynthetic, outlookNote, planTargets);
    }

    /// <summary>The targets stored for the region and every region enclosing it, up to the nation.</summary>
    private IReadOnlyList<Target> PlanTargets(Indicator indicator, RegionCode region, CancellationToken cancellationToken)
    {
        var chain = new List<RegionCode>();
        for (RegionCode? code = region; code is { } c; code = c.StructuralParent)
        {
            chain.Add(c);
        }
        var found = series.GetTargets(indicator.Code, chain, cancellationToken);
        return [.. chain.SelectMany(c => found[c]).OrderByDescending(t => t.RegionCode.Depth).ThenBy(t => t.Period.Year)];
    }

    private static string NoTargetNote(Indicator indicator, Region region, int year, IReadOnlyList<Target> planTargets)
    {
        var existing = planTargets.Count == 0
            ? $"no {indicator.Code} target is stored for it or any enclosing region in any year"
            : "the plan targets that exist are " + string.Join("; ", planTargets.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{(t.RegionCode == RegionCode.Nation ? "national" : t.RegionCode.Value)} {t.Period} {t.Value} ({t.Plan})")));
        return $"No outlook: no {indicator.Code} target for {year} is stored for {region.Name} ({region.Code}) or a region enclosing it; {existing}. Pass target and targetYear to judge against a value of your own.";
    }
}
