using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Targets;

/// <summary>Every indicator of a region against its target for a period: the IKU scorecard.</summary>
public sealed class ScorecardReader(WarehouseDatabase database)
{
    /// <summary>Scorecards of many regions at once, in a fixed number of queries.</summary>
    public IReadOnlyDictionary<RegionCode, Scorecard> ForRegions(IReadOnlyCollection<RegionCode> regions, Period period, string? plan = null, CancellationToken cancellationToken = default)
    {
        var codes = regions.Distinct().ToList();
        var indicators = new IndicatorCatalog(database).GetAll(cancellationToken).ToDictionary(i => i.Code);
        using var connection = database.OpenConnection();
        var values = connection.Query(
            $"""
            SELECT {SeriesReader.ObservationColumns} FROM observations
            WHERE list_contains($regions, region_code) AND year = $year AND period = CAST($period AS sub_period) AND is_default
            """,
            SeriesReader.MapObservation, cancellationToken,
            ("regions", codes.Select(c => c.Value).ToArray()), ("year", period.Year), ("period", Period.CodeOf(period.Sub)))
            .ToDictionary(o => (o.RegionCode, o.IndicatorCode));
        var targets = TargetResolver.Resolve(database, codes, period, indicators: null, plan, cancellationToken);

        return codes.ToDictionary(region => region, region =>
        {
            var lines = indicators.Values
                .Select(indicator =>
                {
                    var value = values.GetValueOrDefault((region, indicator.Code));
                    var target = targets.GetValueOrDefault((region, indicator.Code));
                    // An inherited target alone is not a line: the national plan would list every indicator for every desa.
                    return value is null && (target is null || target.IsInherited)
                        ? null
                        : new ScorecardLine(indicator, new Assessment(value, target, indicator.Direction));
                })
                .OfType<ScorecardLine>()
                .ToList();
            return new Scorecard(region, period, lines);
        });
    }
}

/// <summary>A region's indicators against their targets for a period.</summary>
/// <param name="Region">The region.</param>
/// <param name="Period">The period.</param>
/// <param name="Lines">One line per indicator with a value or a target of the region's own.</param>
public sealed record Scorecard(RegionCode Region, Period Period, IReadOnlyList<ScorecardLine> Lines)
{
    /// <summary>Lines with both a value and a target.</summary>
    public int TargetsAssessed => Lines.Count(l => l.Assessment.Achieved is not null);

    /// <summary>Lines whose value meets its target.</summary>
    public int TargetsMet => Lines.Count(l => l.Assessment.Achieved == true);

    /// <summary>True when every assessed target is met; null when no line could be assessed.</summary>
    public bool? AllTargetsMet => TargetsAssessed == 0 ? null : TargetsMet == TargetsAssessed;
}

/// <summary>One indicator of a scorecard.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Assessment">Its value against its target.</param>
public sealed record ScorecardLine(Indicator Indicator, Assessment Assessment);
