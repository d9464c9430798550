using System.Collections.Concurrent;
using Kencana.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;
using ForecastTarget = Kencana.Forecasting.Input.Target;

namespace Kencana.Server.Forecasting;

/// <summary>Forecasts a region's indicator with the indicator's model, against a target; answers cached per data version.</summary>
public sealed class ForecastService(ModelRegistry models, PanelReader panels, RegionDirectory regions, TargetFinder targets, ForecastingOptions options)
{
    private readonly ConcurrentDictionary<(int Version, string Indicator, RegionCode Region, int Horizon, int? TargetYear, double? Target), ForecastAnswer> _cache = new();
    private readonly ConcurrentDictionary<(int Version, string Indicator), IReadOnlyDictionary<RegionCode, YearlySeries>> _panels = new();

    /// <summary>Forecasts; the target defaults to the one stored for the region and year, else the nearest enclosing region's.</summary>
    /// <exception cref="UserInputException">The request cannot be answered; the message says why.</exception>
    public ForecastAnswer Forecast(Indicator indicator, Region region, int horizon, int? targetYear, double? targetValue, CancellationToken cancellationToken = default)
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
        var key = (model.Metadata.DataVersion, indicator.Code, region.Code, horizon, targetYear, targetValue);
        return _cache.GetOrAdd(key, _ => Compute(indicator, region, horizon, targetYear, targetValue, model, cancellationToken));
    }

    /// <summary>Outlooks for the regions below a parent (or of a level), least likely to reach their target first.</summary>
    public IReadOnlyList<ForecastAnswer> Outlooks(Indicator indicator, RegionCode? parent, RegionLevel? level, int targetYear, CancellationToken cancellationToken = default)
    {
        var model = models.Get(indicator.Code);
        var scope = regions.List(level, parent, RegionDirectory.MaxPageSize, cancellationToken: cancellationToken);
        var panel = Panel(indicator.Code, model.Metadata.DataVersion, cancellationToken);
        var answers = new List<ForecastAnswer>();
        foreach (var region in scope.Where(r => panel.ContainsKey(r.Code)))
        {
            var latest = panel[region.Code].Points[^1].Year;
            if (targetYear <= latest)
            {
                continue;
            }
            var answer = Forecast(indicator, region, targetYear - latest, targetYear, null, cancellationToken);
            if (answer.Result.Outlook is not null)
            {
                answers.Add(answer);
            }
        }
        return [.. answers.OrderBy(a => a.Result.Outlook!.Probability).ThenBy(a => a.Region.Code)];
    }

    private ForecastAnswer Compute(Indicator indicator, Region region, int horizon, int? targetYear, double? targetValue, Kencana.Forecasting.Training.TrainedModel model, CancellationToken cancellationToken)
    {
        var panel = Panel(indicator.Code, model.Metadata.DataVersion, cancellationToken);
        if (!panel.TryGetValue(region.Code, out var yearly))
        {
            throw new UserInputException(ErrorCodes.NoData, $"{region.Name} ({region.Code}) has no whole-year {indicator.Code} values to forecast from.", "region");
        }
        var latest = yearly.Points[^1].Year;
        ResolvedTarget? stored = null;
        ForecastTarget? target = null;
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
        }
        var series = ForecastInputs.Series(model.Metadata.Indicator, yearly);
        var result = new Forecaster(model).Forecast(series, horizon, target).Rounded();
        return new ForecastAnswer(indicator, region, result, model.Metadata, stored, yearly.IsSynthetic);
    }

    private IReadOnlyDictionary<RegionCode, YearlySeries> Panel(string indicatorCode, int version, CancellationToken cancellationToken) =>
        _panels.GetOrAdd((version, indicatorCode), _ => panels.GetYearly(indicatorCode, cancellationToken).ToDictionary(s => s.Region));
}
