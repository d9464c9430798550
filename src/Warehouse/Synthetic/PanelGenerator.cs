using System.Diagnostics;
using DuckDB.NET.Data;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Synthetic;

/// <summary>
/// Writes a separate warehouse holding a synthetic panel for every region of one level: regional spread, trends and
/// noise on a link scale, with whole-number numerators and denominators whose sums give every parent's value, so a
/// roll-up of the generated children equals the generated parent exactly. Every value is marked synthetic and cites
/// the source <see cref="SourceId"/>; the real seed values are never copied in.
/// </summary>
/// <remarks>
/// All randomness comes from DuckDB's <c>hash()</c> of (seed, indicator, region, period), so generation runs in
/// parallel inside DuckDB and is still the same for the same seed.
/// </remarks>
public static class PanelGenerator
{
    /// <summary>The source every generated value cites.</summary>
    public const string SourceId = "SYNTHETIC_PANEL";

    /// <summary>How many desa a region of each level holds on average, to size denominators.</summary>
    private static readonly Dictionary<RegionLevel, double> SizeByLevel = new()
    {
        [RegionLevel.Village] = 1,
        [RegionLevel.District] = 11.5,
        [RegionLevel.Regency] = 163,
        [RegionLevel.City] = 163,
        [RegionLevel.Province] = 2200,
    };

    /// <summary>Generates the panel into a new warehouse file.</summary>
    /// <exception cref="ArgumentException">The options name an unknown indicator or an impossible range.</exception>
    public static GeneratorReport Generate(GeneratorOptions options, string seedDirectory, IProgress<string>? progress = null)
    {
        var indicators = Resolve(options);
        if (options.FromYear > options.ToYear || options.FromYear < Period.MinYear || options.ToYear > Period.MaxYear)
        {
            throw new ArgumentException($"Years {options.FromYear}-{options.ToYear} are not a range within {Period.MinYear}-{Period.MaxYear}.", nameof(options));
        }
        if (!SizeByLevel.ContainsKey(options.Level))
        {
            throw new ArgumentException("Generate for province, regency, district or village.", nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var seed = SeedFiles.Open(seedDirectory);
        var full = Path.GetFullPath(options.OutputPath);
        if (Directory.Exists(full))
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Directory, full, pathOption: "--out");
        }
        var (rows, levelRows) = WarehouseWriteFaults.Translate(full, () => Write(full, seed, options, indicators, progress), "--out");
        return new GeneratorReport(full, rows, levelRows, clock.Elapsed, new FileInfo(full).Length);
    }

    /// <summary>Writes the panel beside <paramref name="full"/> and moves it into place only when complete.</summary>
    private static (long Rows, long LevelRows) Write(string full, SeedFiles seed, GeneratorOptions options, List<SyntheticIndicator> indicators, IProgress<string>? progress)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var building = full + ".building";
        File.Delete(building);
        File.Delete(building + ".wal");
        long rows;
        long levelRows;
        try
        {
            using (var connection = new DuckDBConnection(WarehouseDatabase.ConnectionString(building, readOnly: false)))
            {
                connection.Open();
                WarehouseSchema.Create(connection, seedSha256: null, isSynthetic: true);
                var quiet = new ImportOptions { VersionKind = "generate" };
                Importer.Import(connection, [seed["sources.csv"]], quiet, progress: null);
                ReferenceTables.Load(connection, seed);
                var version = ImportSql.NextVersion(connection);
                connection.Execute(
                    "INSERT INTO sources VALUES ($id, $title, 'Kencana Analytics synthetic generator', NULL, NULL, 9, $note, true, $version)",
                    ("id", SourceId),
                    ("title", $"Synthetic panel: {options.Level.ToStorageName()} x {options.Granularity.ToString().ToLowerInvariant()} {options.FromYear}-{options.ToYear}, seed {options.Seed}"),
                    ("note", "generated for scale tests and demos; not real data"),
                    ("version", version));
                PrepareParameters(connection, options, indicators);
                levelRows = GenerateLevel(connection, options, version, progress);
                rows = levelRows + RollUpParents(connection, options.Level, version, progress);
                progress?.Report($"storing {rows:N0} rows in indicator, region and period order");
                ObservationLayout.Rewrite(connection);
                connection.Execute(
                    "INSERT INTO data_versions VALUES ($version, now()::TIMESTAMP, 'generate', $description, NULL, NULL, $rows, 0, 1)",
                    ("version", version), ("description", $"synthetic panel, seed {options.Seed}"), ("rows", rows));
                connection.Execute("DROP TABLE gen_periods; DROP TABLE gen_indicators; CHECKPOINT;");
            }
            File.Delete(full);
            File.Delete(full + ".wal");
            File.Move(building, full);
            DataVersionClock.Advanced(full);
        }
        catch
        {
            File.Delete(building);
            File.Delete(building + ".wal");
            throw;
        }
        return (rows, levelRows);
    }

    private static List<SyntheticIndicator> Resolve(GeneratorOptions options)
    {
        if (options.Indicators is null || options.Indicators.Count == 0)
        {
            return [.. SyntheticIndicator.Core];
        }
        var byCode = SyntheticIndicator.Core.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var unknown = options.Indicators.Where(c => !byCode.ContainsKey(c)).ToList();
        return unknown.Count == 0
            ? [.. options.Indicators.Select(c => byCode[c])]
            : throw new ArgumentException($"The generator has no model for {string.Join(", ", unknown)}; it generates {string.Join(", ", byCode.Keys)}.", nameof(options));
    }

    private static void PrepareParameters(DuckDBConnection connection, GeneratorOptions options, List<SyntheticIndicator> indicators)
    {
        connection.Execute("""
            CREATE TEMP MACRO gen_u(a, b, c, d) AS (hash(a, b, c, d)::DOUBLE + 0.5) / 18446744073709551616.0;
            CREATE TEMP MACRO gen_normal(a, b, c, d) AS sqrt(-2 * ln(gen_u(a, b, c, d))) * cos(2 * pi() * gen_u(a, b, c, d || '~'));
            CREATE TEMP TABLE gen_indicators (code VARCHAR, link VARCHAR, centre_link DOUBLE, trend DOUBLE, province_spread DOUBLE,
                region_spread DOUBLE, trend_spread DOUBLE, noise DOUBLE, village_denominator DOUBLE, scale DOUBLE);
            CREATE TEMP TABLE gen_periods (year SMALLINT, period sub_period, key VARCHAR, t DOUBLE);
            """);
        foreach (var i in indicators)
        {
            var centre = i.Link == SyntheticLink.Logit ? Math.Log(i.Centre / i.Scale / (1 - (i.Centre / i.Scale))) : Math.Log(i.Centre / i.Scale);
            connection.Execute(
                "INSERT INTO gen_indicators VALUES ($code, $link, $centre, $trend, $ps, $rs, $ts, $noise, $den, $scale)",
                ("code", i.Code), ("link", i.Link.ToString().ToLowerInvariant()), ("centre", centre), ("trend", i.Trend),
                ("ps", i.ProvinceSpread), ("rs", i.RegionSpread), ("ts", i.TrendSpread), ("noise", i.Noise),
                ("den", i.VillageDenominator), ("scale", i.Scale));
        }
        var subs = options.Granularity switch
        {
            Granularity.Year => [SubPeriod.Year],
            Granularity.Semester => [SubPeriod.S1, SubPeriod.S2],
            Granularity.Quarter => [SubPeriod.Q1, SubPeriod.Q2, SubPeriod.Q3, SubPeriod.Q4],
            _ => Enumerable.Range(0, 12).Select(m => SubPeriod.M01 + m).ToArray(),
        };
        for (var year = options.FromYear; year <= options.ToYear; year++)
        {
            for (var k = 0; k < subs.Length; k++)
            {
                var period = new Period(year, subs[k]);
                connection.Execute(
                    "INSERT INTO gen_periods VALUES ($year, CAST($period AS sub_period), $key, $t)",
                    ("year", year), ("period", Period.CodeOf(subs[k])), ("key", period.ToString()),
                    ("t", year - options.FromYear + ((double)k / subs.Length)));
            }
        }
    }

    private static long GenerateLevel(DuckDBConnection connection, GeneratorOptions options, int version, IProgress<string>? progress)
    {
        string[] levels = options.Level == RegionLevel.Regency ? ["regency", "city"] : [options.Level.ToStorageName()];
        var provinces = connection.Query("SELECT code, name FROM regions WHERE level = 'province' ORDER BY code", r => (Code: r.GetString(0), Name: r.GetString(1))).ToList();
        long total = 0;
        var clock = Stopwatch.StartNew();
        for (var p = 0; p < provinces.Count; p++)
        {
            total += connection.Execute(
                $"""
                INSERT INTO observations
                WITH base AS (
                    SELECT g.code AS indicator_code, r.code AS region_code, pe.year, pe.period, pe.key, g.link, g.scale,
                        g.village_denominator > 0 AS has_denominator,
                        g.centre_link
                          + g.province_spread * gen_normal($seed, g.code, $province, 'province')
                          + g.region_spread * gen_normal($seed, g.code, r.code, 'region')
                          + (g.trend + g.trend_spread * gen_normal($seed, g.code, r.code, 'trend')) * pe.t
                          + g.noise * gen_normal($seed, g.code, r.code, pe.key) AS eta,
                        greatest(5, round(g.village_denominator * $size * exp(0.5 * gen_normal($seed, 'size', r.code, g.code))
                            * (1 + 0.03 * gen_normal($seed, 'size', r.code, pe.key)))) AS denominator
                    FROM regions r, gen_periods pe, gen_indicators g
                    WHERE list_contains($levels, r.level::VARCHAR) AND starts_with(r.code, $province || '.')
                ),
                drawn AS (
                    SELECT *, least(1, CASE link WHEN 'logit' THEN 1 / (1 + exp(-eta)) ELSE exp(eta) END) AS share FROM base
                ),
                sampled AS (
                    SELECT *, least(denominator, greatest(0, round(share * denominator
                        + sqrt(denominator * share * (1 - share)) * gen_normal($seed, 'sample', region_code, indicator_code || key)))) AS numerator
                    FROM drawn
                )
                SELECT indicator_code, region_code, year, period,
                    CASE WHEN has_denominator THEN scale * numerator / denominator ELSE round(scale * share, 2) END,
                    CASE WHEN has_denominator THEN numerator END,
                    CASE WHEN has_denominator THEN denominator END,
                    $source, 'synthetic panel', NULL, NULL, NULL, false, true, true, $version, {RegionKeyColumn.From("region_code")}
                FROM sampled
                ORDER BY indicator_code, region_code, year, period
                """,
                ("seed", options.Seed), ("province", provinces[p].Code), ("size", SizeByLevel[options.Level]),
                ("levels", levels), ("source", SourceId), ("version", version));
            var rate = total / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            progress?.Report($"{options.Level.ToStorageName()} rows: province {p + 1}/{provinces.Count} ({provinces[p].Name}) done, {total:N0} rows, {rate:N0} rows/s");
        }
        return total;
    }

    /// <summary>Adds each parent level as the sum of its children's numerators and denominators, up to the nation.</summary>
    private static long RollUpParents(DuckDBConnection connection, RegionLevel level, int version, IProgress<string>? progress)
    {
        var chain = new List<string[]>();
        if (level == RegionLevel.Village)
        {
            chain.Add(["village"]);
        }
        if (level is RegionLevel.Village or RegionLevel.District)
        {
            chain.Add(["district"]);
        }
        if (level is not RegionLevel.Province)
        {
            chain.Add(["regency", "city"]);
        }
        chain.Add(["province"]);

        long total = 0;
        foreach (var children in chain)
        {
            var added = connection.Execute(
                $"""
                INSERT INTO observations
                SELECT o.indicator_code, r.parent_code, o.year, o.period,
                       any_value(g.scale) * sum(o.numerator) / sum(o.denominator), sum(o.numerator), sum(o.denominator),
                       $source, 'synthetic panel (sum of children)', NULL, NULL, NULL, false, true, true, $version,
                       {RegionKeyColumn.From("r.parent_code")}
                FROM observations o
                JOIN regions r ON r.code = o.region_code
                JOIN gen_indicators g ON g.code = o.indicator_code
                WHERE list_contains($children, r.level::VARCHAR) AND o.denominator IS NOT NULL
                GROUP BY o.indicator_code, r.parent_code, o.year, o.period
                ORDER BY o.indicator_code, r.parent_code, o.year, o.period
                """,
                ("children", children), ("source", SourceId), ("version", version));
            total += added;
            progress?.Report($"rolled {string.Join("/", children)} up to their parents: {added:N0} rows");
        }
        return total;
    }
}
