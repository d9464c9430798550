using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Kencana.Warehouse.Audit;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Targets;

/// <summary>
/// Sets, revises and retires targets while the server runs: each write is checked as the importer checks a target
/// row, and commits in one transaction with a new data version and its audit entry, so caches, pre-aggregates,
/// export ETags and forecasts move on to it.
/// </summary>
/// <remarks>Who may write for which region is the caller's business; this class trusts the <see cref="AuditActor"/> it is given.</remarks>
public sealed class TargetWriter(WarehouseDatabase database)
{
    /// <summary>The plan of a target set without one.</summary>
    public const string DefaultPlan = "Kencana API";

    /// <summary>The source of a target set without one, created on first use.</summary>
    public const string DefaultSourceId = "KENCANA_API";

    /// <summary>Sets the target of an indicator for a region and year under a plan, replacing that plan's earlier value.</summary>
    /// <exception cref="UserInputException">An unknown indicator, region or source, or a value outside the indicator's range; nothing changed.</exception>
    public TargetWrite Set(TargetEdit edit, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(actor);
        var plan = PlanOf(edit.Plan);
        CheckYear(edit.Year);
        if (!double.IsFinite(edit.Value))
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"Argument 'value' is {edit.Value}; give a finite number.", "value");
        }
        using var turn = WriteGate.Enter(database.Path);
        using var connection = database.OpenConnection();
        var indicator = CheckIndicator(connection, edit.IndicatorCode);
        CheckRegion(connection, edit.Region);
        if ((indicator.Min is { } min && edit.Value < min) || (indicator.Max is { } max && edit.Value > max))
        {
            throw new UserInputException(ErrorCodes.BadUserInput,
                $"Argument 'value': {edit.Value.ToString(CultureInfo.InvariantCulture)} is outside the valid range of {indicator.Code} ({Show(indicator.Min, "-inf")} to {Show(indicator.Max, "+inf")} {indicator.Unit}).", "value");
        }
        var sourceId = edit.SourceId?.Trim() is { Length: > 0 } given ? given : null;
        if (sourceId is not null && connection.Scalar<long>("SELECT count(*) FROM sources WHERE id = $id", ("id", sourceId)) == 0)
        {
            throw new UserInputException(ErrorCodes.BadUserInput,
                $"Argument 'sourceId': there is no source '{sourceId}'; import it first (a sources file), or leave sourceId out to cite {DefaultSourceId}.", "sourceId");
        }
        var note = edit.Note?.Trim() is { Length: > 0 } text ? text : null;

        var before = Find(connection, indicator.Code, edit.Region, edit.Year, plan).SingleOrDefault();
        var source = sourceId ?? before?.SourceId ?? DefaultSourceId;
        if (before is not null && before.Value.Equals(edit.Value) && before.SourceId == source && before.Note == note)
        {
            return new TargetWrite(before, before, database.CurrentDataVersion(), Changed: false);
        }
        var subject = Subject(indicator.Code, edit.Region, edit.Year, plan);
        var after = Commit(connection, version =>
        {
            var sources = source == DefaultSourceId ? EnsureDefaultSource(connection, version) : 0;
            connection.Execute(
                """
                DELETE FROM targets WHERE indicator_code = $indicator AND region_code = $region AND year = $year AND period = 'YEAR' AND plan = $plan;
                INSERT INTO targets VALUES ($indicator, $region, $year, 'YEAR', $value, $plan, $source, $note, $version);
                """,
                ("indicator", indicator.Code), ("region", edit.Region.Value), ("year", edit.Year), ("value", edit.Value),
                ("plan", plan), ("source", source), ("note", note), ("version", version));
            var written = new Target(indicator.Code, edit.Region, new Period(edit.Year), edit.Value, plan, source, note, version);
            var action = before is null ? "setTarget" : "reviseTarget";
            RecordVersion(connection, version, $"{action} {subject} by {actor.Name}", targets: 1, sources);
            AuditTrail.Record(connection, actor, action, subject, version, Describe(before), Describe(written));
            return written;
        });
        return new TargetWrite(before, after, after.DataVersion, Changed: true);
    }

    /// <summary>Retires (removes) a target; without a plan, the one target the region has for that indicator and year.</summary>
    /// <exception cref="UserInputException">No such target, or several plans and none named; nothing changed.</exception>
    public TargetWrite Retire(string indicatorCode, RegionCode region, int year, string? plan, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckYear(year);
        using var turn = WriteGate.Enter(database.Path);
        using var connection = database.OpenConnection();
        var indicator = CheckIndicator(connection, indicatorCode);
        CheckRegion(connection, region);
        var named = plan?.Trim() is { Length: > 0 } p ? p : null;
        var existing = Find(connection, indicator.Code, region, year, named);
        if (existing.Count == 0)
        {
            throw new UserInputException(ErrorCodes.BadUserInput,
                $"{region} has no {indicator.Code} target for {year}{(named is null ? "" : $" under {named}")} to retire.", named is null ? "year" : "plan");
        }
        if (existing.Count > 1)
        {
            throw new UserInputException(ErrorCodes.BadUserInput,
                $"{region} has {existing.Count} {indicator.Code} targets for {year}, under {string.Join(", ", existing.Select(t => t.Plan))}: name the plan to retire.", "plan");
        }
        var before = existing[0];
        var subject = Subject(indicator.Code, region, year, before.Plan);
        var version = Commit(connection, version =>
        {
            connection.Execute(
                "DELETE FROM targets WHERE indicator_code = $indicator AND region_code = $region AND year = $year AND period = 'YEAR' AND plan = $plan",
                ("indicator", indicator.Code), ("region", region.Value), ("year", year), ("plan", before.Plan));
            RecordVersion(connection, version, $"retireTarget {subject} by {actor.Name}", targets: 0, sources: 0);
            AuditTrail.Record(connection, actor, "retireTarget", subject, version, Describe(before), null);
            return version;
        });
        return new TargetWrite(before, null, version, Changed: true);
    }

    private T Commit<T>(DuckDBConnection connection, Func<int, T> write)
    {
        T result;
        using (var transaction = connection.BeginTransaction())
        {
            var version = ImportSql.NextVersion(connection);
            result = write(version);
            transaction.Commit();
        }
        database.DataVersionAdvanced();
        return result;
    }

    private static void RecordVersion(DuckDBConnection connection, int version, string description, long targets, long sources) =>
        connection.Execute(
            "INSERT INTO data_versions VALUES ($version, now()::TIMESTAMP, 'target', $description, NULL, NULL, 0, $targets, $sources)",
            ("version", version), ("description", description), ("targets", targets), ("sources", sources));

    private static long EnsureDefaultSource(DuckDBConnection connection, int version) => connection.Execute(
        """
        INSERT INTO sources (id, title, publisher, url, published_on, priority, note, is_synthetic, data_version)
        SELECT $id, 'Targets entered through the Kencana API', 'Kencana Analytics users', NULL, NULL, 3,
               'Set by planners and admins through the setTarget mutation; the audit trail names who set each.', false, $version
        WHERE NOT EXISTS (SELECT 1 FROM sources WHERE id = $id)
        """, ("id", DefaultSourceId), ("version", version));

    private static List<Target> Find(DuckDBConnection connection, string indicator, RegionCode region, int year, string? plan) =>
        [.. connection.Query(
            $"""
            SELECT {SeriesReader.TargetColumns}
            FROM targets
            WHERE indicator_code = $indicator AND region_code = $region AND year = $year AND period = 'YEAR' AND ($plan IS NULL OR plan = $plan)
            ORDER BY plan
            """,
            SeriesReader.MapTarget, ("indicator", indicator), ("region", region.Value), ("year", year), ("plan", plan))];

    private sealed record IndicatorRange(string Code, double? Min, double? Max, string Unit);

    private static IndicatorRange CheckIndicator(DuckDBConnection connection, string code) =>
        connection.Query("SELECT code, min_value, max_value, unit FROM indicators WHERE code = upper(trim($code))",
            r => new IndicatorRange(r.GetString(0), r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.GetString(3)),
            ("code", code)).FirstOrDefault()
        ?? throw new UserInputException(ErrorCodes.UnknownIndicator,
            $"Argument 'indicator': there is no indicator '{code}'. The catalogue has {string.Join(", ", connection.Query("SELECT code FROM indicators ORDER BY code", r => r.GetString(0)))}.", "indicator");

    private static void CheckRegion(DuckDBConnection connection, RegionCode region)
    {
        if (connection.Scalar<long>("SELECT count(*) FROM regions WHERE code = $code", ("code", region.Value)) == 0)
        {
            throw new UserInputException(ErrorCodes.UnknownRegion, $"Argument 'region': there is no region with code '{region}'.", "region");
        }
    }

    private static void CheckYear(int year)
    {
        if (year is < Period.MinYear or > Period.MaxYear)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"Argument 'year' is {year}; use a year from {Period.MinYear} to {Period.MaxYear}.", "year");
        }
    }

    private static string PlanOf(string? plan)
    {
        var trimmed = plan?.Trim();
        return trimmed switch
        {
            null or "" => DefaultPlan,
            { Length: > 200 } => throw new UserInputException(ErrorCodes.BadUserInput, "Argument 'plan' is longer than 200 characters; name the plan, such as RPJMD 2025-2029.", "plan"),
            _ => trimmed,
        };
    }

    private static string Subject(string indicator, RegionCode region, int year, string plan) => $"{indicator} {region} {year} ({plan})";

    private static string? Describe(Target? target) => target is null ? null : JsonSerializer.Serialize(new
    {
        value = target.Value,
        plan = target.Plan,
        sourceId = target.SourceId,
        note = target.Note,
        dataVersion = target.DataVersion,
    });

    private static string Show(double? value, string missing) => value?.ToString(CultureInfo.InvariantCulture) ?? missing;
}
