namespace Kencana.Bench.Api;

/// <summary>
/// The SQL the server sends to DuckDB for the benchmarked fields, copied from src/Warehouse with the clauses its
/// filters generate for these requests already spelled out. Each constant names the method it comes from: when that
/// method changes, change the copy here, or the ratios compare different work.
/// </summary>
internal static class ServerSql
{
    /// <summary>Queries/SeriesReader.cs, <c>ObservationColumns</c>.</summary>
    private const string ObservationColumns = """
        indicator_code, region_code, year, period::VARCHAR AS period, value, numerator, denominator, source_id, survey, note,
        ci_lower, ci_upper, is_preferred, is_default, is_synthetic, data_version
        """;

    /// <summary>Queries/SeriesReader.cs, <c>ObservationColumnsOf("o")</c>.</summary>
    private const string ObservationColumnsOfO = """
        o.indicator_code, o.region_code, o.year, o.period::VARCHAR AS period, o.value, o.numerator,
        o.denominator, o.source_id, o.survey, o.note, o.ci_lower, o.ci_upper, o.is_preferred,
        o.is_default, o.is_synthetic, o.data_version
        """;

    /// <summary>Queries/IndicatorCatalog.cs, <c>GetAll</c>: read once per request by <c>RequestLoader</c> to check indicator arguments.</summary>
    public const string IndicatorsAll =
        "SELECT code, name_id, name_en, definition, unit, direction::VARCHAR AS direction, min_value, max_value, rollup::VARCHAR AS rollup, denominator, source_id FROM indicators ORDER BY code";

    /// <summary>Queries/IndicatorCatalog.cs, <c>Find</c> ($code).</summary>
    public const string IndicatorFind =
        "SELECT code, name_id, name_en, definition, unit, direction::VARCHAR AS direction, min_value, max_value, rollup::VARCHAR AS rollup, denominator, source_id FROM indicators WHERE code = $code";

    /// <summary>Queries/SourceCatalog.cs, <c>GetAll</c>: read once per request when a value's source is selected.</summary>
    public const string SourcesAll =
        "SELECT id, title, publisher, url, published_on, priority, note, is_synthetic FROM sources ORDER BY priority, id";

    private const string RegionSelect = """
        SELECT code, name, level::VARCHAR AS level, parent_code, bps_code, population_total, population_male, population_female,
               population_year, population_source_id, area_km2
        FROM regions
        """;

    /// <summary>Queries/RegionDirectory.cs, <c>Find</c> ($code): how <c>RequireRegion</c> checks a region argument.</summary>
    public const string RegionFind = RegionSelect + " WHERE code = $code";

    /// <summary>Queries/RegionDirectory.cs, <c>FindMany</c> ($codes): the batch behind every nested <c>region { ... }</c>.</summary>
    public const string RegionFindMany = RegionSelect + " WHERE list_contains($codes, code)";

    /// <summary>Queries/RegionDirectory.cs, <c>List</c> ($level, $parent, $limit, $offset).</summary>
    public const string RegionList = RegionSelect + """

        WHERE ($level IS NULL OR level = CAST($level AS region_level)) AND ($parent IS NULL OR parent_code = $parent)
        ORDER BY code LIMIT $limit OFFSET $offset
        """;

    /// <summary>Queries/SeriesReader.cs, <c>GetObservations</c> for many regions ($indicator, $regions, $all): the batch behind <c>series.points</c>.</summary>
    public const string SeriesObservations = "SELECT " + ObservationColumns + """
         FROM observations
        WHERE indicator_code = $indicator AND list_contains($regions, region_code) AND ($all OR is_default)
        ORDER BY region_code, year, period, is_default DESC, source_id
        """;

    /// <summary>Queries/SeriesReader.cs, <c>GetTargets</c> for many regions ($indicator, $regions): the batch behind <c>series.targets</c>.</summary>
    public const string SeriesTargets = """
        SELECT indicator_code, region_code, year, period::VARCHAR AS period, value, plan, source_id, note, data_version
        FROM targets WHERE indicator_code = $indicator AND list_contains($regions, region_code) ORDER BY region_code, year, period, plan
        """;

    /// <summary>
    /// Aggregation/Aggregator.cs, <c>Run</c>, for where { indicators, ancestorCode } (preferred values by default),
    /// groupBy [YEAR], no having, no orderBy ($f_indicators, $f_ancestor, $limit, $offset).
    /// </summary>
    public const string AggregateByYear = """
        SELECT o.year AS d_year,
            count(*) AS n, min(o.value) AS min, max(o.value) AS max, avg(o.value) AS mean,
            sum(o.value * o.denominator) FILTER (WHERE o.denominator > 0) / sum(o.denominator) FILTER (WHERE o.denominator > 0) AS weighted_mean,
            count(*) FILTER (WHERE o.denominator > 0) AS weighted_n,
            median(o.value) AS median, quantile_cont(o.value, 0.25) AS p25, quantile_cont(o.value, 0.75) AS p75,
            stddev_samp(o.value) AS stddev, bool_or(o.is_synthetic) AS synthetic, list(DISTINCT o.source_id ORDER BY o.source_id) AS sources
        FROM observations o JOIN regions r ON r.code = o.region_code
        WHERE true AND list_contains($f_indicators, o.indicator_code) AND starts_with(o.region_code, $f_ancestor) AND o.is_default
        GROUP BY ALL

        ORDER BY 1
        LIMIT $limit OFFSET $offset
        """;

    /// <summary>Targets/AchievementRanking.cs, <c>Rank</c>: the values ($f_indicators, $f_parent, $f_from, $f_to, $period).</summary>
    public const string AchievementValues = "SELECT " + ObservationColumnsOfO + """
         FROM observations o JOIN regions r ON r.code = o.region_code
        WHERE true AND list_contains($f_indicators, o.indicator_code) AND r.parent_code = $f_parent AND o.year >= $f_from AND o.year <= $f_to AND o.is_default AND o.period = CAST($period AS sub_period)
        """;

    /// <summary>Targets/AchievementRanking.cs, <c>Rank</c>: the regions in scope ($parent), on the same connection as the values.</summary>
    public const string AchievementRegions = "SELECT r.code FROM regions r WHERE true AND r.parent_code = $parent ORDER BY r.code";

    /// <summary>Targets/TargetResolver.cs, <c>Resolve</c> ($regions, $candidates, $distances, $year, $period, $indicators, $plan).</summary>
    public const string ResolveTargets = """
        WITH candidates AS (SELECT unnest($regions) AS applies_to, unnest($candidates) AS candidate, unnest($distances) AS distance)
        SELECT c.applies_to, t.indicator_code, t.region_code, t.year, t.period::VARCHAR AS period, t.value, t.plan, t.source_id, t.note, t.data_version
        FROM candidates c JOIN targets t ON t.region_code = c.candidate
        WHERE t.year = $year AND t.period = CAST($period AS sub_period)
          AND (len($indicators) = 0 OR list_contains($indicators, t.indicator_code))
          AND ($plan IS NULL OR t.plan = $plan)
        QUALIFY row_number() OVER (PARTITION BY c.applies_to, t.indicator_code ORDER BY c.distance, t.data_version DESC, t.plan) = 1
        """;

    /// <summary>Queries/ObservationSearch.cs, <c>Page</c>, order RegionThenPeriod, where { indicators, ancestorCode } ($f_indicators, $f_ancestor, $limit, $offset).</summary>
    public const string ObservationPage = "SELECT " + ObservationColumnsOfO + """

        FROM observations o JOIN regions r ON r.code = o.region_code
        WHERE true AND list_contains($f_indicators, o.indicator_code) AND starts_with(o.region_code, $f_ancestor)
        ORDER BY o.indicator_code, o.region_code, o.year, o.period, o.is_default DESC, o.source_id
        LIMIT $limit OFFSET $offset
        """;

    /// <summary>Queries/ObservationSearch.cs, <c>Count</c>: <c>totalCount</c> ($f_indicators, $f_ancestor).</summary>
    public const string ObservationCount = """
        SELECT count(*) FROM observations o JOIN regions r ON r.code = o.region_code WHERE true AND list_contains($f_indicators, o.indicator_code) AND starts_with(o.region_code, $f_ancestor)
        """;

    /// <summary>
    /// Not the server's SQL: the single statement a hand-written endpoint would run for "every kabupaten with its
    /// STUNTING series" (the rows the N+1 query returns), the baseline the batched resolvers are held against.
    /// </summary>
    public const string RegenciesWithSeries = """
        SELECT r.code, o.year, o.period::VARCHAR AS period, o.value
        FROM regions r JOIN observations o ON o.region_code = r.code
        WHERE r.level = CAST($level AS region_level) AND o.indicator_code = $indicator AND o.is_default
        ORDER BY r.code, o.year, o.period
        """;

    /// <summary>The cheapest statement, for the cost of opening a connection.</summary>
    public const string SelectOne = "SELECT 1";
}
