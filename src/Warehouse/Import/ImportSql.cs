using DuckDB.NET.Data;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>The SQL pieces every kind of import shares: text-to-value macros and the period table.</summary>
internal static class ImportSql
{
    /// <summary>
    /// Numbers take a decimal point or a decimal comma ("73,50", as Indonesian spreadsheets write them); thousands
    /// separators are refused rather than guessed at, since "1.234" means different things in the two conventions.
    /// DuckDB's own cast, which refuses any comma, comes first, on the text as it is: the cast skips the spaces, tabs
    /// and line breaks around a number itself, so a value it reads is the value of the trimmed text, and only the few
    /// values it refuses pay for trimming (which also removes other Unicode spaces) and then for the decimal-comma
    /// pattern, a regular expression. Flags are looked up with list_contains: DuckDB plans an IN list as a join, which
    /// runs on every row even where the flag is empty; the two spellings files use most are tried first.
    /// </summary>
    private const string Macros = """
        CREATE OR REPLACE TEMP MACRO kencana_text(s) AS nullif(trim(s), '');
        CREATE OR REPLACE TEMP MACRO kencana_number_candidate(s) AS
            coalesce(TRY_CAST(s AS DOUBLE), TRY_CAST(trim(s) AS DOUBLE),
                     CASE WHEN contains(s, ',') AND regexp_full_match(trim(s), '[-+]?[0-9]+,[0-9]+') THEN TRY_CAST(replace(trim(s), ',', '.') AS DOUBLE) END);
        CREATE OR REPLACE TEMP MACRO kencana_number(s) AS
            CASE WHEN isfinite(kencana_number_candidate(s)) THEN kencana_number_candidate(s) END;
        CREATE OR REPLACE TEMP MACRO kencana_bool(s) AS
            CASE WHEN s = 'true' THEN true WHEN s = 'false' THEN false
                 WHEN kencana_text(s) IS NULL THEN false
                 WHEN list_contains(['true', 't', '1', 'yes', 'y', 'ya'], lower(trim(s))) THEN true
                 WHEN list_contains(['false', 'f', '0', 'no', 'n', 'tidak'], lower(trim(s))) THEN false END;
        CREATE OR REPLACE TEMP MACRO kencana_show(x) AS
            CASE WHEN x IS NULL THEN '' WHEN x = round(x) AND abs(x) < 1e15 THEN CAST(CAST(x AS BIGINT) AS VARCHAR) ELSE CAST(x AS VARCHAR) END;
        CREATE OR REPLACE TEMP MACRO kencana_year(s) AS
            CASE WHEN TRY_CAST(trim(s) AS INTEGER) BETWEEN 1900 AND 2100 THEN TRY_CAST(trim(s) AS INTEGER) END;
        """;

    public static void CreateMacros(DuckDBConnection connection) => connection.Execute(Macros);

    /// <summary>
    /// The checks of a row's key that observations and targets share, over <c>import_parsed</c>'s indicator, region,
    /// year and period columns (raw and parsed). A BPS code in the region column is named as one, with its
    /// Kemendagri code where the crosswalk knows it.
    /// </summary>
    public const string KeyProblems = """
        SELECT row_index, 'indicator' AS col,
            CASE WHEN kencana_text(indicator_raw) IS NULL THEN 'indicator is missing'
                 ELSE format('unknown indicator ''{}''; the catalogue has {}', indicator_raw, (SELECT string_agg(code, ', ' ORDER BY code) FROM indicators)) END AS message,
            NULL::BIGINT AS other_row
        FROM import_parsed WHERE indicator_code IS NULL
        UNION ALL
        SELECT p.row_index, 'region_code',
            CASE WHEN kencana_text(p.region_raw) IS NULL THEN 'region code is missing'
                 WHEN bps.code IS NOT NULL THEN format('''{}'' is the BPS code of {}; its Kemendagri code is {}', trim(p.region_raw), bps.name, bps.code)
                 WHEN regexp_full_match(trim(p.region_raw), '[0-9]{4}([0-9]{3}([0-9]{3})?)?') THEN format('''{}'' looks like a BPS code; use the Kemendagri code with dots (64.74 is Kota Bontang)', trim(p.region_raw))
                 ELSE format('unknown region code ''{}''; use Kemendagri codes: 0 (nation), 64 (province), 64.74 (kabupaten/kota), 64.74.01 (kecamatan), 64.74.01.1001 (desa/kelurahan)', p.region_raw) END,
            NULL
        FROM import_parsed p LEFT JOIN regions bps ON bps.bps_code = trim(p.region_raw) WHERE p.region_code IS NULL
        UNION ALL
        SELECT row_index, 'year', format('''{}'' is not a year from 1900 to 2100', coalesce(year_raw, '')), NULL FROM import_parsed WHERE year IS NULL
        UNION ALL
        SELECT row_index, 'period', format('''{}'' is not a period: use YEAR, S1, S2, Q1 to Q4, or M01 to M12', coalesce(period_raw, '')), NULL FROM import_parsed WHERE period IS NULL
        """;

    /// <summary>
    /// Fills <c>import_periods</c> with every distinct period text of the staged file and its canonical code,
    /// parsed by <see cref="Period.TryParseSubPeriod"/> so that C# and SQL can never disagree on what a period is.
    /// </summary>
    public static void MapPeriods(DuckDBConnection connection) =>
        WritePeriods(connection, connection.Query("SELECT DISTINCT period FROM import_stage WHERE period IS NOT NULL LIMIT 10000", r => r.GetString(0)).ToList());

    /// <summary>
    /// Fills <c>import_periods</c> with the period texts given and their canonical codes (null where a text is not a
    /// period), parsed by <see cref="Period.TryParseSubPeriod"/>.
    /// </summary>
    /// <returns>How many of the texts are not periods.</returns>
    public static int WritePeriods(DuckDBConnection connection, IReadOnlyList<string> raws)
    {
        connection.Execute("CREATE OR REPLACE TEMP TABLE import_periods (raw VARCHAR, code sub_period)");
        var unparsed = 0;
        foreach (var chunk in raws.Chunk(500))
        {
            var parameters = new List<(string, object?)>();
            var rows = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var code = Period.TryParseSubPeriod(chunk[i], out var sub) ? Period.CodeOf(sub) : null;
                unparsed += code is null ? 1 : 0;
                rows.Add($"($r{i}, CAST($c{i} AS sub_period))");
                parameters.Add(($"r{i}", chunk[i]));
                parameters.Add(($"c{i}", code));
            }
            connection.Execute($"INSERT INTO import_periods VALUES {string.Join(", ", rows)}", [.. parameters]);
        }
        return unparsed;
    }

    /// <summary>Collects the problems found into <c>import_problems</c> (row_index, col, message, other_row).</summary>
    public static void CollectProblems(DuckDBConnection connection, string problemsSql) =>
        connection.Execute($"CREATE OR REPLACE TEMP TABLE import_problems AS {problemsSql}");

    /// <summary>The next data version number.</summary>
    public static int NextVersion(DuckDBConnection connection) =>
        connection.Scalar<int>("SELECT coalesce(max(version), 0) + 1 FROM data_versions");
}
