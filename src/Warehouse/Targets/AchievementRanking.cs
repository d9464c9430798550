using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Targets;

/// <summary>Ranks regions on an indicator for a period, each beside the target that applies to it.</summary>
/// <param name="database">The warehouse.</param>
/// <param name="upperLevels">
/// The upper levels held in memory, if the process holds them: a ranking of provinces or kabupaten/kota then takes its
/// values from memory instead of scanning every value of the indicator for the period.
/// </param>
public sealed class AchievementRanking(WarehouseDatabase database, UpperLevelObservations? upperLevels = null)
{
    /// <summary>
    /// Ranks the regions in scope that have a value: those directly below <paramref name="parent"/>; with
    /// <paramref name="levels"/>, those of these levels, anywhere below <paramref name="parent"/> when it is given (every
    /// desa of Kalimantan Timur is parent 64 with the village level).
    /// </summary>
    /// <exception cref="UserInputException">Neither a parent nor a level narrows the regions, or the indicator is unknown.</exception>
    public AchievementReport Rank(string indicatorCode, Period period, RegionCode? parent, IReadOnlyList<RegionLevel>? levels, string? plan = null, CancellationToken cancellationToken = default)
    {
        if (parent is null && levels is not { Count: > 0 })
        {
            throw new UserInputException(ErrorCodes.BadUserInput, "Name a parent region or a level: ranking every region of Indonesia together mixes provinces with desa.", "parentCode");
        }
        var indicator = new IndicatorCatalog(database).Find(indicatorCode, cancellationToken)
            ?? throw new UserInputException(ErrorCodes.UnknownIndicator, $"There is no indicator '{indicatorCode}'.", "indicator");
        // A level names which regions; a parent then only bounds where they lie. Alone, a parent means its children.
        var scope = levels is { Count: > 0 } ? new ObservationFilter(Levels: levels, AncestorCode: parent) : new ObservationFilter(ParentCode: parent);
        using var connection = database.OpenConnection();
        // With only the scope set, the filter's clause speaks of regions alone; a region below an ancestor is matched on
        // o.region_code, here the region's own code.
        var (regionWhere, regionParameters) = scope.ToSql();
        var regions = connection.Query(
            $"SELECT r.code FROM regions r, LATERAL (SELECT r.code AS region_code) o WHERE {regionWhere} ORDER BY r.code",
            r => RegionCode.Parse(r.GetString(0)), cancellationToken, [.. regionParameters]).ToList();
        var values = upperLevels?.TryGetValues(indicator.Code, regions, period) ?? ReadValues(connection, scope, indicator.Code, period, cancellationToken);
        var targets = TargetResolver.Resolve(database, values.Keys, period, [indicator.Code], plan, cancellationToken);

        var better = indicator.Direction == Direction.LowerIsBetter ? 1 : -1;
        var ordered = values.Values.OrderBy(o => better * o.Value).ThenBy(o => o.RegionCode).ToList();
        var rows = new List<AchievementRow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Value == ordered[i - 1].Value ? rows[i - 1].Rank : i + 1;
            var target = targets.GetValueOrDefault((ordered[i].RegionCode, indicator.Code));
            rows.Add(new AchievementRow(ordered[i].RegionCode, new Assessment(ordered[i], target, indicator.Direction), rank));
        }
        return new AchievementReport(indicator, period, rows, [.. regions.Where(r => !values.ContainsKey(r))]);
    }

    /// <summary>The default values of the regions in scope for the period, read with SQL.</summary>
    private static Dictionary<RegionCode, Observation> ReadValues(
        DuckDB.NET.Data.DuckDBConnection connection, ObservationFilter scope, string indicatorCode, Period period, CancellationToken cancellationToken)
    {
        var filter = scope with { Indicators = [indicatorCode], FromYear = period.Year, ToYear = period.Year, PreferredOnly = true };
        var (where, parameters) = filter.ToSql();
        parameters.Add(("period", Period.CodeOf(period.Sub)));
        return connection.Query(
            $"""
            SELECT {SeriesReader.ObservationColumnsOf("o")} FROM observations o JOIN regions r ON r.code = o.region_code
            WHERE {where} AND o.period = CAST($period AS sub_period)
            """,
            SeriesReader.MapObservation, cancellationToken, [.. parameters]).ToDictionary(o => o.RegionCode);
    }
}

/// <summary>Regions ranked on an indicator for a period.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The period.</param>
/// <param name="Rows">Regions with a value, best first.</param>
/// <param name="RegionsWithoutValue">Regions in scope with no value for the period.</param>
public sealed record AchievementReport(Indicator Indicator, Period Period, IReadOnlyList<AchievementRow> Rows, IReadOnlyList<RegionCode> RegionsWithoutValue);

/// <summary>One region's place in a ranking.</summary>
/// <param name="Region">The region.</param>
/// <param name="Assessment">Its value against its target.</param>
/// <param name="Rank">1 for the best value in the indicator's direction; ties share a rank.</param>
public sealed record AchievementRow(RegionCode Region, Assessment Assessment, int Rank);
