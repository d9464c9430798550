using System.Text.Json;

namespace Kencana.Bench.Api;

/// <summary>
/// The representative requests, against a warehouse generated with
/// <c>generate --level regency --years 2015-2024 --granularity month --seed 1</c>: every kabupaten/kota has 120 monthly
/// synthetic values per indicator, Kalimantan Timur (64) has ten of them, and the warehouse has no targets.
/// </summary>
internal static class Scenarios
{
    private const string Indicator = "STUNTING";
    private const string Region = "64.74";
    private const string Province = "64";

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new(
            "researcher",
            "Researcher: one region's monthly series with sources and targets",
            """{ series(indicator: "STUNTING", region: "64.74") { points { year period value isPreferred source { id } } targets { year value } } }""",
            data => data.GetProperty("series").GetProperty("points").GetArrayLength(),
            sql =>
            {
                var points = sql.Rows(ServerSql.SeriesObservations, ("indicator", Indicator), ("regions", new[] { Region }), ("all", true));
                sql.Rows(ServerSql.SeriesTargets, ("indicator", Indicator), ("regions", new[] { Region }));
                return points.Count;
            },
            "SeriesReader.GetObservations + GetTargets (2 statements)",
            sql =>
            {
                sql.Rows(ServerSql.IndicatorsAll);
                sql.Rows(ServerSql.RegionFind, ("code", Region));
                var points = sql.Rows(ServerSql.SeriesObservations, ("indicator", Indicator), ("regions", new[] { Region }), ("all", true));
                sql.Rows(ServerSql.SeriesTargets, ("indicator", Indicator), ("regions", new[] { Region }));
                sql.Rows(ServerSql.SourcesAll);
                return points.Count;
            },
            "indicator catalogue, region lookup, observations, targets, source catalogue (5 statements, 5 connections)"),
        new(
            "cube",
            "Cube: a province's values grouped by year, with quantiles and a weighted mean",
            """{ aggregate(where: { indicators: ["STUNTING"], ancestorCode: "64" }, groupBy: [YEAR]) { year count mean median p25 p75 weightedMean } }""",
            data => data.GetProperty("aggregate").GetArrayLength(),
            sql => Aggregate(sql),
            "Aggregator.Run (1 statement)",
            sql =>
            {
                sql.Rows(ServerSql.IndicatorsAll);
                return Aggregate(sql);
            },
            "indicator catalogue, aggregate (2 statements, 2 connections)"),
        new(
            "planner",
            "Planner: a province's kabupaten/kota ranked against their targets for December 2024",
            """{ achievement(indicator: "STUNTING", year: 2024, period: M12, parentCode: "64") { rows { rank region { name } value { value } target { value } achieved } } }""",
            data => data.GetProperty("achievement").GetProperty("rows").GetArrayLength(),
            sql => Rank(sql).Count,
            "AchievementRanking.Rank: values, regions in scope, TargetResolver (3 statements)",
            sql =>
            {
                sql.Rows(ServerSql.IndicatorsAll);
                sql.Rows(ServerSql.RegionFind, ("code", Province));
                sql.Rows(ServerSql.IndicatorFind, ("code", Indicator));
                var values = Rank(sql);
                sql.Rows(ServerSql.RegionFindMany, ("codes", values.ToArray()));
                return values.Count;
            },
            "indicator catalogue, region lookup, indicator lookup, values + regions in scope, targets, region names (7 statements, 6 connections)"),
        new(
            "bi-page",
            "BI tool: a 500-row page of a province's observations with the total",
            """{ observations(where: { indicators: ["STUNTING"], ancestorCode: "64" }, first: 500) { totalCount nodes { region { code } year period value } } }""",
            data => data.GetProperty("observations").GetProperty("nodes").GetArrayLength(),
            sql => Page(sql).Count,
            "ObservationSearch.Page (501 rows) + Count (2 statements)",
            sql =>
            {
                sql.Rows(ServerSql.IndicatorsAll);
                var page = Page(sql);
                sql.Rows(ServerSql.RegionFindMany, ("codes", page.Distinct().ToArray()));
                return page.Count;
            },
            "indicator catalogue, page, count, region lookup for the page (4 statements, 4 connections)"),
        new(
            "n-plus-1",
            "N+1 shape: every kabupaten (416) with its preferred STUNTING series (120 points each)",
            """{ regions(level: REGENCY) { code series(indicator: "STUNTING", preferredOnly: true) { points { value } } } }""",
            data => data.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("series").GetProperty("points").GetArrayLength()),
            sql => sql.Rows(ServerSql.RegenciesWithSeries, ("level", "regency"), ("indicator", Indicator)).Count,
            "one join of regencies and their default STUNTING values (1 statement; not the server's SQL)",
            sql =>
            {
                var regions = sql.Rows(ServerSql.RegionList, ("level", "regency"), ("parent", null), ("limit", 1000), ("offset", 0));
                sql.Rows(ServerSql.IndicatorsAll);
                var codes = regions.Select(r => (string)r[0]!).Distinct().ToArray();
                return sql.Rows(ServerSql.SeriesObservations, ("indicator", Indicator), ("regions", codes), ("all", false)).Count;
            },
            "region list, indicator catalogue, one batched observations query for all 416 (3 statements, 3 connections)"),
    ];

    private static int Aggregate(DirectSql sql) =>
        sql.Rows(ServerSql.AggregateByYear, ("f_indicators", new[] { Indicator }), ("f_ancestor", Province + "."), ("limit", 100), ("offset", 0)).Count;

    /// <summary>The three statements of <c>AchievementRanking.Rank</c>; returns the codes of the regions with a value.</summary>
    private static List<string> Rank(DirectSql sql)
    {
        List<string> codes;
        using (var connection = sql.Open())
        {
            var values = sql.Rows(connection, ServerSql.AchievementValues,
                ("f_indicators", new[] { Indicator }), ("f_parent", Province), ("f_from", 2024), ("f_to", 2024), ("period", "M12"));
            sql.Rows(connection, ServerSql.AchievementRegions, ("parent", Province));
            codes = [.. values.Select(v => (string)v[1]!)];
        }
        if (codes.Count > 0)
        {
            var rows = codes.Distinct().SelectMany(code => Ancestry(code).Select((candidate, distance) => (code, candidate, distance))).ToList();
            sql.Rows(ServerSql.ResolveTargets,
                ("regions", rows.Select(r => r.code).ToArray()),
                ("candidates", rows.Select(r => r.candidate).ToArray()),
                ("distances", rows.Select(r => r.distance).ToArray()),
                ("year", 2024), ("period", "M12"), ("indicators", new[] { Indicator }), ("plan", null));
        }
        return codes;
    }

    /// <summary>The page and count of <c>ObservationSearch</c>; returns the region code of each row on the page.</summary>
    private static List<string> Page(DirectSql sql)
    {
        var page = sql.Rows(ServerSql.ObservationPage, ("f_indicators", new[] { Indicator }), ("f_ancestor", Province + "."), ("limit", 501), ("offset", 0L));
        sql.Rows(ServerSql.ObservationCount, ("f_indicators", new[] { Indicator }), ("f_ancestor", Province + "."));
        return [.. page.Take(500).Select(r => (string)r[1]!)];
    }

    /// <summary>A code and its enclosing codes up to the nation, as <c>RegionCode.StructuralParent</c> walks them (64.74, 64, 0).</summary>
    private static IEnumerable<string> Ancestry(string code)
    {
        for (string? current = code; current is not null; current = current == "0" ? null : current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "0")
        {
            yield return current;
        }
    }

    /// <summary>The data of a GraphQL answer, or an exception naming its first error.</summary>
    public static JsonElement DataOf(JsonDocument answer)
    {
        if (answer.RootElement.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"The server answered with errors: {errors}");
        }
        return answer.RootElement.GetProperty("data");
    }
}
