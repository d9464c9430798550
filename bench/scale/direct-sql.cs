#:package DuckDB.NET.Data.Full
#:property PublishAot=false
// The plain-DuckDB side of bench/scale: the SQL a hand-written client would run for each GraphQL query, through
// DuckDB.NET (the driver the server uses), on the same file, one statement after another on one kept-open instance.
//   dotnet run direct-sql.cs -- <warehouse> <warmup> <requests> <max-seconds> [<query name> | plans]
// Prints one JSON line per query: name, n, p50, p95 (ms) and rows; then one per query with the rows its first statement
// scanned (EXPLAIN ANALYZE) against the table's rows. The plans themselves go to standard error. With a query's name,
// only that query is timed; with "plans", only the plans are read: run.sh times each query just before the server
// answers it, so that a neighbour's load falls on both sides of its ratio.
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

var (path, warmup, requests, maxSeconds) = (args[0], int.Parse(args[1]), int.Parse(args[2]), double.Parse(args[3]));
var only = args.Length > 4 ? args[4] : null;
(string Name, string[] Sql)[] queries =
[
    ("aggregate", ["""
        SELECT year, count(*), avg(value),
               sum(value * denominator) FILTER (WHERE denominator > 0) / sum(denominator) FILTER (WHERE denominator > 0)
        FROM observations WHERE indicator_code = 'STUNTING' AND is_default GROUP BY year ORDER BY year
        """]),
    ("series", ["""
        SELECT year, period, value FROM observations
        WHERE indicator_code = 'STUNTING' AND region_code = '64.74.01.1001' AND is_default ORDER BY year, period
        """]),
    ("page", ["""
        SELECT year, period, value FROM observations
        WHERE indicator_code = 'STUNTING' AND region_code >= '64.' AND region_code < '64/'
        ORDER BY indicator_code, region_code, year, period, is_default DESC, source_id LIMIT 500
        """, """
        SELECT count(*) FROM observations WHERE indicator_code = 'STUNTING' AND region_code >= '64.' AND region_code < '64/'
        """]),
    ("province-aggregate", ["""
        SELECT year, count(*), avg(value) FROM observations
        WHERE indicator_code = 'STUNTING' AND region_code >= '64.' AND region_code < '64/' AND is_default GROUP BY year ORDER BY year
        """]),
    // The national value from the 38 provinces for December 2024 (the generated warehouse holds months, no YEAR rows):
    // stunting is a rate, so the mean weighted by each child's denominator, with the children left out by name, and
    // the nation's published value beside it. One statement, as a client that knows the rule would write it.
    ("rollup", ["""
        SELECT (SELECT rollup FROM indicators WHERE code = 'STUNTING') AS rule,
               sum(o.value * o.denominator) FILTER (WHERE o.denominator > 0) / sum(o.denominator) FILTER (WHERE o.denominator > 0) AS value,
               sum(o.denominator) FILTER (WHERE o.denominator > 0) AS total_denominator,
               count(*) AS expected_children,
               count(*) FILTER (WHERE o.denominator > 0) AS contributing_children,
               coalesce(list(r.code ORDER BY r.code) FILTER (WHERE o.value IS NULL), []) AS missing_children,
               coalesce(list(r.code ORDER BY r.code) FILTER (WHERE o.value IS NOT NULL AND coalesce(o.denominator, 0) <= 0), []) AS children_without_denominator,
               (SELECT value FROM observations
                WHERE indicator_code = 'STUNTING' AND region_code = '0' AND year = 2024 AND period = 'M12' AND is_default) AS published,
               coalesce(bool_or(o.is_synthetic) FILTER (WHERE o.denominator > 0), false) AS is_synthetic
        FROM regions r
        LEFT JOIN observations o ON o.region_code = r.code AND o.indicator_code = 'STUNTING' AND o.year = 2024 AND o.period = 'M12' AND o.is_default
        WHERE r.parent_code = '0'
        """]),
    // The provinces ranked on stunting for December 2024 (lower is better), each against its own target or else the
    // national plan's (a province's only enclosing region), newest load first. The generated warehouse holds no targets,
    // so every target is null, but the lookup runs as it would on a warehouse with a plan loaded. Provinces without a
    // value come last with a null rank: the API's regionsWithoutValue.
    ("achievement", ["""
        WITH scope AS (
            SELECT r.code, r.name, o.value
            FROM regions r
            LEFT JOIN observations o ON o.region_code = r.code AND o.indicator_code = 'STUNTING' AND o.year = 2024 AND o.period = 'M12' AND o.is_default
            WHERE r.level = 'province'
        ), applies AS (
            SELECT s.code, t.region_code AS target_region, t.value AS target
            FROM scope s JOIN targets t ON t.region_code IN (s.code, '0')
            WHERE s.value IS NOT NULL AND t.indicator_code = 'STUNTING' AND t.year = 2024 AND t.period = 'M12'
            QUALIFY row_number() OVER (PARTITION BY s.code ORDER BY t.region_code = '0', t.data_version DESC, t.plan) = 1
        )
        SELECT s.code, s.name, CASE WHEN s.value IS NOT NULL THEN rank() OVER (ORDER BY s.value NULLS LAST) END AS rank, s.value,
               a.target, a.target_region, round(s.value - a.target, 6) AS gap, s.value <= a.target AS achieved,
               count(*) FILTER (WHERE s.value <= a.target) OVER () AS achieved_count
        FROM scope s LEFT JOIN applies a USING (code)
        ORDER BY s.value NULLS LAST, s.code
        """]),
];
using var keep = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
keep.Open();
foreach (var (name, statements) in queries.Where(q => only is null || q.Name == only))
{
    var times = new List<double>();
    long rows = 0;
    var deadline = Stopwatch.StartNew();
    // The warm-up takes at most half the time allowed, so that a slow query still gets timed runs.
    var warm = 0;
    while (warm < warmup && deadline.Elapsed.TotalSeconds < maxSeconds / 2)
    {
        Run();
        warm++;
    }
    for (var i = 0; i < requests && deadline.Elapsed.TotalSeconds < maxSeconds; i++)
    {
        times.Add(Run());
    }
    double Run()
    {
        var clock = Stopwatch.StartNew();
        rows = 0;
        foreach (var sql in statements)
        {
            using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    reader.GetValue(c);
                }
                rows++;
            }
        }
        return clock.Elapsed.TotalMilliseconds;
    }
    times.Sort();
    double Rank(double p) => times.Count == 0 ? double.NaN : times[Math.Max(0, (int)Math.Ceiling(p / 100 * times.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"name\":\"{name}\",\"n\":{times.Count},\"p50\":{Rank(50):F3},\"p95\":{Rank(95):F3},\"rows\":{rows}}}"));
}
if (only is not null && only != "plans")
{
    return;
}
using (var settings = keep.CreateCommand())
{
    // Rows scanned per operator show what the zone maps skipped: a whole scan reads every row of the table.
    settings.CommandText = """SET custom_profiling_settings = '{"OPERATOR_ROWS_SCANNED": "true", "OPERATOR_CARDINALITY": "true", "OPERATOR_TIMING": "true"}'""";
    settings.ExecuteNonQuery();
}
long tableRows;
using (var count = keep.CreateCommand())
{
    count.CommandText = "SELECT count(*) FROM observations";
    tableRows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
}
foreach (var (name, statements) in queries)
{
    using var command = keep.CreateCommand();
    command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + statements[0];
    using var reader = command.ExecuteReader();
    reader.Read();
    var plan = reader.GetString(1);
    Console.Error.WriteLine($"EXPLAIN (ANALYZE, FORMAT JSON) of {name}:\n{plan}");
    using var json = System.Text.Json.JsonDocument.Parse(plan);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"name\":\"{name}\",\"scanned\":{Scanned(json.RootElement)},\"table\":{tableRows}}}"));
}

static long Scanned(System.Text.Json.JsonElement node)
{
    long total = node.TryGetProperty("operator_type", out var type) && type.GetString() == "TABLE_SCAN"
        && node.TryGetProperty("operator_rows_scanned", out var rows) ? rows.GetInt64() : 0;
    if (node.TryGetProperty("children", out var children))
    {
        foreach (var child in children.EnumerateArray())
        {
            total += Scanned(child);
        }
    }
    return total;
}
