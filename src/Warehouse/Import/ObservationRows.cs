using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>Parses, checks and inserts staged observation rows.</summary>
internal static class ObservationRows
{
    /// <summary>
    /// Parses the staged rows into <c>import_parsed</c>, with the file's text of a key, period or flag kept only
    /// where it did not parse: the messages quote it there alone, and copying every region code and source id again
    /// cost more than the lookups. Numbers keep their text, which the range and consistency messages quote.
    /// </summary>
    public static void Parse(DuckDBConnection connection) => connection.Execute($"""
        CREATE OR REPLACE TEMP TABLE import_parsed AS
        SELECT st.row_index,
            CASE WHEN i.code IS NULL THEN st.indicator END AS indicator_raw, i.code AS indicator_code, i.min_value, i.max_value, i.unit,
            CASE WHEN r.code IS NULL THEN st.region_code END AS region_raw, r.code AS region_code,
            CASE WHEN kencana_year(st.year) IS NULL THEN st.year END AS year_raw, kencana_year(st.year) AS year,
            CASE WHEN pm.code IS NULL THEN st.period END AS period_raw, pm.code AS period,
            st.value AS value_raw, kencana_number(st.value) AS value,
            st.numerator AS numerator_raw, kencana_number(st.numerator) AS numerator,
            st.denominator AS denominator_raw, kencana_number(st.denominator) AS denominator,
            st.ci_lower AS ci_lower_raw, kencana_number(st.ci_lower) AS ci_lower,
            st.ci_upper AS ci_upper_raw, kencana_number(st.ci_upper) AS ci_upper,
            CASE WHEN so.id IS NULL THEN st.source_id END AS source_raw, so.id AS source_id,
            kencana_text(st.survey) AS survey, kencana_text(st.note) AS note,
            CASE WHEN kencana_bool(st.is_preferred) IS NULL THEN st.is_preferred END AS preferred_raw, kencana_bool(st.is_preferred) AS is_preferred,
            CASE WHEN kencana_bool(st.synthetic) IS NULL THEN st.synthetic END AS synthetic_raw, kencana_bool(st.synthetic) AS is_synthetic,
            hash(i.code, r.code, kencana_year(st.year), pm.code) AS key_hash
        FROM import_stage st
        LEFT JOIN indicators i ON i.code = upper(trim(st.indicator))
        LEFT JOIN regions r ON r.code = trim(st.region_code)
        LEFT JOIN sources so ON so.id = trim(st.source_id)
        LEFT JOIN import_periods pm ON pm.raw = st.period;

        {CollectRepeated}
        {CollectStored}
        """);

    /// <summary>
    /// The stored values of the file's keys, read in one pass over observations for the conflict checks and the
    /// insert, which would otherwise each join the whole table. An inner join lets DuckDB build its hash table on the
    /// smaller side (a semi join always builds on the file's rows); DISTINCT folds the matches of a key the file
    /// repeats, since stored rows never share indicator, region, period and source.
    /// </summary>
    public const string CollectStored = """
        CREATE OR REPLACE TEMP TABLE import_existing AS
        SELECT DISTINCT o.indicator_code, o.region_code, o.year, o.period, o.source_id, o.value, o.numerator, o.denominator, o.is_preferred, o.data_version
        FROM import_parsed p JOIN observations o
          ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year AND o.period = p.period;
        """;

    /// <summary>
    /// Reads an observations file into typed columns in one pass, for an import that expects no errors: the checks and
    /// the insert then run on numbers and an enum. Work that a clean file does not need is left out: the indicator,
    /// region and source codes are kept as the file writes them (<see cref="NormaliseCodes"/> trims them only when
    /// one does not match as written), a period is kept as text only where it is not written as its code (mapped
    /// afterwards by <see cref="ImportSql.WritePeriods"/>), and an optional number's text is trimmed only where it did
    /// not parse. <c>faulty</c> marks a row that one of <see cref="Problems"/>' checks of the row alone refuses; the
    /// checks against the catalogues and the warehouse follow in <see cref="CountProblems"/>. Nothing here can fail on
    /// a value, so a file DuckDB can read always stages.
    /// </summary>
    /// <param name="table">The temporary table to create; a name the importer makes.</param>
    /// <param name="canonicalSource">A SELECT of the file's rows with every observations column under its canonical name, as text.</param>
    public static string StageParsed(string table, string canonicalSource) => $"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        SELECT indicator_code, region_code, year, period, period_raw, value, numerator, denominator, ci_lower, ci_upper,
            source_id, survey, note, is_preferred, is_synthetic,
            hash(indicator_code, region_code, year, period) AS key_hash,
            coalesce(year IS NULL OR value IS NULL
                OR CASE WHEN numerator IS NULL THEN kencana_text(numerator_text) IS NOT NULL END
                OR CASE WHEN denominator IS NULL THEN kencana_text(denominator_text) IS NOT NULL END
                OR CASE WHEN ci_lower IS NULL THEN kencana_text(ci_lower_text) IS NOT NULL END
                OR CASE WHEN ci_upper IS NULL THEN kencana_text(ci_upper_text) IS NOT NULL END
                OR CASE WHEN ci_lower IS NULL OR ci_upper IS NULL THEN (kencana_text(ci_lower_text) IS NULL) <> (kencana_text(ci_upper_text) IS NULL) END
                OR numerator < 0 OR denominator <= 0 OR (numerator > denominator AND denominator > 0)
                OR NOT (ci_lower <= value AND value <= ci_upper)
                OR is_preferred IS NULL OR is_synthetic IS NULL, false) AS faulty
        FROM (
            SELECT indicator AS indicator_code, region_code, kencana_year(year) AS year,
                TRY_CAST(period AS sub_period) AS period, CASE WHEN TRY_CAST(period AS sub_period) IS NULL THEN period END AS period_raw,
                kencana_number(value) AS value,
                kencana_number(numerator) AS numerator, numerator AS numerator_text,
                kencana_number(denominator) AS denominator, denominator AS denominator_text,
                kencana_number(ci_lower) AS ci_lower, ci_lower AS ci_lower_text,
                kencana_number(ci_upper) AS ci_upper, ci_upper AS ci_upper_text,
                source_id, kencana_text(survey) AS survey, kencana_text(note) AS note,
                kencana_bool(is_preferred) AS is_preferred, kencana_bool(synthetic) AS is_synthetic
            FROM ({canonicalSource})
        )
        """;

    /// <summary>
    /// Over rows staged by <see cref="StageParsed"/> as <c>import_parsed</c>, in one pass: how many rows
    /// <see cref="Problems"/> would refuse on their own or against the catalogues (the key's parts, the source, the
    /// indicator's range and the percent consistency, with the same conditions); how many of them have a code that
    /// matches nothing as written (then <see cref="NormaliseCodes"/> and count again); and how many rows repeat a key
    /// hash (zero means no key repeats, so there can be no duplicates and nothing to rank). The careful path matches
    /// upper(trim(indicator)), trim(region) and trim(source) against the catalogues, so only codes that are already
    /// trimmed and in upper case may match text that is not (yet) trimmed: a code that matches is then the
    /// catalogue's code either way.
    /// </summary>
    public const string CountProblems = """
        SELECT count(*) FILTER (WHERE p.faulty OR i.code IS NULL OR r.code IS NULL OR s.id IS NULL OR p.period IS NULL
                OR p.value < i.min_value OR p.value > i.max_value
                OR (i.unit = 'percent' AND p.denominator > 0 AND p.numerator BETWEEN 0 AND p.denominator AND abs(p.value - 100 * p.numerator / p.denominator) > 0.5)),
            count(*) FILTER (WHERE i.code IS NULL OR r.code IS NULL OR s.id IS NULL),
            count(*) - count(DISTINCT p.key_hash)
        FROM import_parsed p
        LEFT JOIN (SELECT code, min_value, max_value, unit FROM indicators WHERE code = upper(trim(code))) i ON i.code = p.indicator_code
        LEFT JOIN (SELECT code FROM regions WHERE code = trim(code)) r ON r.code = p.region_code
        LEFT JOIN (SELECT id FROM sources WHERE id = trim(id)) s ON s.id = p.source_id
        """;

    /// <summary>Trims the codes (and upper-cases the indicator) as the careful path reads them, where a file wrote them otherwise.</summary>
    public const string NormaliseCodes = """
        UPDATE import_parsed
        SET indicator_code = upper(trim(indicator_code)), region_code = trim(region_code), source_id = trim(source_id),
            key_hash = hash(upper(trim(indicator_code)), trim(region_code), year, period)
        WHERE indicator_code IS DISTINCT FROM upper(trim(indicator_code)) OR region_code IS DISTINCT FROM trim(region_code)
           OR source_id IS DISTINCT FROM trim(source_id)
        """;

    /// <summary>
    /// The hashes of the keys the file holds more than once: usually none, and only rows of such keys can be
    /// duplicates or need ranking for is_default, so the checks and window functions that do both run over these rows
    /// alone. Grouping one hash is much cheaper than grouping four columns; a hash two keys share only lets a few more
    /// rows into those exact checks.
    /// </summary>
    public const string CollectRepeated = """
        CREATE OR REPLACE TEMP TABLE import_repeated AS
        SELECT key_hash FROM import_parsed
        WHERE indicator_code IS NOT NULL AND region_code IS NOT NULL AND year IS NOT NULL AND period IS NOT NULL
        GROUP BY key_hash HAVING count(*) > 1;
        """;

    /// <summary>How many (key, source) pairs the file repeats and how many keys it flags preferred twice, as <see cref="Problems"/> finds them.</summary>
    public const string CountRepeatedProblems = """
        SELECT (SELECT count(*) FROM (
                    SELECT 1 FROM import_parsed p SEMI JOIN import_repeated k ON k.key_hash = p.key_hash
                    WHERE p.source_id IS NOT NULL
                    GROUP BY p.indicator_code, p.region_code, p.year, p.period, p.source_id HAVING count(*) > 1))
             + (SELECT count(*) FROM (
                    SELECT 1 FROM import_parsed p SEMI JOIN import_repeated k ON k.key_hash = p.key_hash
                    WHERE p.is_preferred
                    GROUP BY p.indicator_code, p.region_code, p.year, p.period HAVING count(*) > 1))
        """;

    /// <summary>How many rows disagree with a stored value of their source, or are flagged preferred where a stored value is, as <see cref="Problems"/> finds them.</summary>
    public const string CountStoredConflicts = """
        SELECT (SELECT count(*) FROM import_parsed p JOIN import_existing o
                  ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year AND o.period = p.period AND o.source_id = p.source_id
                WHERE o.value IS DISTINCT FROM p.value OR o.numerator IS DISTINCT FROM p.numerator OR o.denominator IS DISTINCT FROM p.denominator)
             + (SELECT count(*) FROM import_parsed p JOIN import_existing o
                  ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year AND o.period = p.period AND o.source_id <> p.source_id
                WHERE p.is_preferred AND o.is_preferred)
        """;

    /// <summary>
    /// Runs <see cref="Problems"/>' checks on rows staged by <see cref="StageParsed"/> as <c>import_parsed</c>, counted
    /// rather than listed, and prepares <c>import_repeated</c> and <c>import_existing</c> for <see cref="Insert"/>.
    /// </summary>
    /// <returns>Whether the file repeats keys and whether the warehouse holds any of its keys; null at the first kind of
    /// error found (the careful path then reports every error with its line).</returns>
    public static (bool RepeatedKeys, bool StoredKeys)? CheckParsed(DuckDBConnection connection)
    {
        // Periods written other than as their codes ("Q 1", "Triwulan 1") are mapped as the careful path maps them.
        var periods = connection.Query("SELECT DISTINCT period_raw FROM import_parsed WHERE period_raw IS NOT NULL LIMIT 10001", r => r.GetString(0)).ToList();
        if (periods.Count > 0)
        {
            if (periods.Count > 10000 || ImportSql.WritePeriods(connection, periods) > 0)
            {
                return null;
            }
            connection.Execute("""
                UPDATE import_parsed SET period = m.code, key_hash = hash(import_parsed.indicator_code, import_parsed.region_code, import_parsed.year, m.code)
                FROM import_periods m WHERE import_parsed.period_raw = m.raw
                """);
        }

        var (problems, unmatched, repeatedRows) = connection.Query(CountProblems, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2))).Single();
        if (unmatched > 0)
        {
            // Codes written with spaces or in lower case: read them as the careful path does, and count again.
            connection.Execute(NormaliseCodes);
            (problems, _, repeatedRows) = connection.Query(CountProblems, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2))).Single();
        }
        if (problems > 0)
        {
            return null;
        }
        var repeatedKeys = repeatedRows > 0;
        if (repeatedKeys)
        {
            connection.Execute(CollectRepeated);
            if (connection.Scalar<long>(CountRepeatedProblems) > 0)
            {
                return null;
            }
        }
        connection.Execute(CollectStored);
        var storedKeys = connection.Scalar<long>("SELECT count(*) FROM import_existing") > 0;
        if (storedKeys && connection.Scalar<long>(CountStoredConflicts) > 0)
        {
            return null;
        }
        return (repeatedKeys, storedKeys);
    }

    public const string Problems = ImportSql.KeyProblems + "\n" + """
        UNION ALL
        SELECT row_index, 'value',
            CASE WHEN kencana_text(value_raw) IS NULL THEN 'value is missing'
                 ELSE format('''{}'' is not a number (write 73.5 or 73,5; no thousands separators)', value_raw) END, NULL
        FROM import_parsed WHERE value IS NULL
        UNION ALL
        SELECT row_index, 'value', format('{} is outside the valid range of {} ({} to {} {})', trim(value_raw), indicator_code, coalesce(nullif(kencana_show(min_value), ''), '-inf'), coalesce(nullif(kencana_show(max_value), ''), '+inf'), unit), NULL
        FROM import_parsed WHERE value < min_value OR value > max_value
        UNION ALL
        SELECT row_index, 'numerator', format('''{}'' is not a number', numerator_raw), NULL FROM import_parsed WHERE kencana_text(numerator_raw) IS NOT NULL AND numerator IS NULL
        UNION ALL
        SELECT row_index, 'denominator', format('''{}'' is not a number', denominator_raw), NULL FROM import_parsed WHERE kencana_text(denominator_raw) IS NOT NULL AND denominator IS NULL
        UNION ALL
        SELECT row_index, 'numerator', format('numerator {} is negative', trim(numerator_raw)), NULL FROM import_parsed WHERE numerator < 0
        UNION ALL
        SELECT row_index, 'denominator', format('denominator {} must be greater than 0', trim(denominator_raw)), NULL FROM import_parsed WHERE denominator <= 0
        UNION ALL
        SELECT row_index, 'numerator', format('numerator {} is greater than denominator {}', trim(numerator_raw), trim(denominator_raw)), NULL FROM import_parsed WHERE numerator > denominator AND denominator > 0
        UNION ALL
        SELECT row_index, 'value', format('value {} disagrees with 100 x numerator / denominator = {}', trim(value_raw), kencana_show(round(100 * numerator / denominator, 2))), NULL
        FROM import_parsed WHERE unit = 'percent' AND denominator > 0 AND numerator BETWEEN 0 AND denominator AND abs(value - 100 * numerator / denominator) > 0.5
        UNION ALL
        SELECT row_index, 'ci_lower', format('''{}'' is not a number', ci_lower_raw), NULL FROM import_parsed WHERE kencana_text(ci_lower_raw) IS NOT NULL AND ci_lower IS NULL
        UNION ALL
        SELECT row_index, 'ci_upper', format('''{}'' is not a number', ci_upper_raw), NULL FROM import_parsed WHERE kencana_text(ci_upper_raw) IS NOT NULL AND ci_upper IS NULL
        UNION ALL
        SELECT row_index, 'ci_upper', 'give both ci_lower and ci_upper, or neither', NULL FROM import_parsed WHERE (kencana_text(ci_lower_raw) IS NULL) <> (kencana_text(ci_upper_raw) IS NULL)
        UNION ALL
        SELECT row_index, 'ci_lower', format('the confidence interval {} to {} does not contain the value {}', trim(ci_lower_raw), trim(ci_upper_raw), trim(value_raw)), NULL
        FROM import_parsed WHERE NOT (ci_lower <= value AND value <= ci_upper)
        UNION ALL
        SELECT row_index, 'source_id',
            CASE WHEN kencana_text(source_raw) IS NULL THEN 'source id is missing: every value keeps its source'
                 ELSE format('unknown source ''{}''; add it with a sources file (id, title, publisher, url) in the same import', source_raw) END, NULL
        FROM import_parsed WHERE source_id IS NULL
        UNION ALL
        SELECT row_index, 'is_preferred', format('''{}'' is not true or false', preferred_raw), NULL FROM import_parsed WHERE is_preferred IS NULL
        UNION ALL
        SELECT row_index, 'synthetic', format('''{}'' is not true or false', synthetic_raw), NULL FROM import_parsed WHERE is_synthetic IS NULL
        UNION ALL
        SELECT row_index, NULL, format('duplicate: {} for {} {} {} from {} appears twice in the file', indicator_code, region_code, year, period, source_id), first_row
        FROM (SELECT p.*, min(p.row_index) OVER (PARTITION BY p.indicator_code, p.region_code, p.year, p.period, p.source_id) AS first_row
              FROM import_parsed p SEMI JOIN import_repeated k ON k.key_hash = p.key_hash
              WHERE p.source_id IS NOT NULL)
        WHERE row_index <> first_row
        UNION ALL
        SELECT row_index, 'is_preferred', format('two rows for {} {} {} {} are flagged preferred; flag one', indicator_code, region_code, year, period), first_row
        FROM (SELECT p.*, min(p.row_index) OVER (PARTITION BY p.indicator_code, p.region_code, p.year, p.period) AS first_row
              FROM import_parsed p SEMI JOIN import_repeated k ON k.key_hash = p.key_hash
              WHERE p.is_preferred)
        WHERE row_index <> first_row
        UNION ALL
        SELECT p.row_index, 'value', format('the warehouse already holds {} for {} {} {} {} from {} (data version {}); a source''s value is never overwritten: import a revision under a new source id', kencana_show(o.value), o.indicator_code, o.region_code, o.year, o.period, o.source_id, o.data_version), NULL
        FROM import_parsed p JOIN import_existing o
          ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year AND o.period = p.period AND o.source_id = p.source_id
        WHERE o.value IS DISTINCT FROM p.value OR o.numerator IS DISTINCT FROM p.numerator OR o.denominator IS DISTINCT FROM p.denominator
        UNION ALL
        SELECT p.row_index, 'is_preferred', format('the warehouse already has a preferred value for {} {} {} {} (from {}); flag one', p.indicator_code, p.region_code, p.year, p.period, o.source_id), NULL
        FROM import_parsed p JOIN import_existing o
          ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year AND o.period = p.period AND o.source_id <> p.source_id
        WHERE p.is_preferred AND o.is_preferred
        """;

    /// <summary>
    /// Inserts the rows not already present. A key the file holds once is its own default among the file's rows; only
    /// the file's repeated keys are ranked, and only keys that already had values are re-ranked against the whole table
    /// afterwards, so a large import of new data costs one pass. The rows go in in storage order
    /// (<see cref="ObservationLayout"/>), so the import's row groups can be skipped by the zone maps like the rest.
    /// </summary>
    /// <param name="connection">The import's connection, with <c>import_parsed</c>, <c>import_repeated</c> and <c>import_existing</c>.</param>
    /// <param name="version">The data version of the rows.</param>
    /// <param name="markSynthetic">Mark every row synthetic.</param>
    /// <param name="repeatedKeys">Whether <c>import_repeated</c> has rows; when not, the joins with it are left out.</param>
    /// <param name="storedKeys">Whether <c>import_existing</c> has rows; when not, the joins with it and the re-ranking are left out.</param>
    /// <returns>The number of rows added.</returns>
    public static long Insert(DuckDBConnection connection, int version, bool markSynthetic, bool repeatedKeys, bool storedKeys)
    {
        var notStored = storedKeys
            ? """
              ANTI JOIN import_existing o
                ON o.indicator_code = p.indicator_code AND o.region_code = p.region_code AND o.year = p.year
               AND o.period = p.period AND o.source_id = p.source_id
              """
            : "";
        var ranked = repeatedKeys
            ? $"""
              UNION ALL
              SELECT p.indicator_code, p.region_code, p.year, p.period, p.value, p.numerator, p.denominator, p.source_id, p.survey, p.note,
                     p.ci_lower, p.ci_upper, p.is_preferred,
                     row_number() OVER (PARTITION BY p.indicator_code, p.region_code, p.year, p.period
                                        ORDER BY p.is_preferred DESC, s.priority ASC, p.source_id ASC) = 1,
                     p.is_synthetic OR s.is_synthetic OR $synthetic, $version, {RegionKeyColumn.From("p.region_code")}
              FROM import_parsed p
              JOIN sources s ON s.id = p.source_id
              SEMI JOIN import_repeated k ON k.key_hash = p.key_hash
              {notStored}
              """
            : "";
        var added = connection.Execute($"""
            INSERT INTO observations
            SELECT p.indicator_code, p.region_code, p.year, p.period, p.value, p.numerator, p.denominator, p.source_id, p.survey, p.note,
                   p.ci_lower, p.ci_upper, p.is_preferred, true,
                   p.is_synthetic OR s.is_synthetic OR $synthetic, $version, {RegionKeyColumn.From("p.region_code")}
            FROM import_parsed p
            JOIN sources s ON s.id = p.source_id
            {(repeatedKeys ? "ANTI JOIN import_repeated k ON k.key_hash = p.key_hash" : "")}
            {notStored}
            {ranked}
            ORDER BY {ObservationLayout.Order}
            """, ("synthetic", markSynthetic), ("version", version));
        if (added > 0 && storedKeys)
        {
            connection.Execute($"""
                CREATE OR REPLACE TEMP TABLE import_collisions AS
                SELECT DISTINCT indicator_code, region_code, year, period FROM import_existing;

                UPDATE observations SET is_default = (ranked.rn = 1)
                FROM (
                    SELECT o.rowid AS rid, row_number() OVER (
                        PARTITION BY o.indicator_code, o.region_code, o.year, o.period ORDER BY {WarehouseSchema.DefaultOrder}) AS rn
                    FROM observations o
                    JOIN sources s ON s.id = o.source_id
                    SEMI JOIN import_collisions k
                      ON k.indicator_code = o.indicator_code AND k.region_code = o.region_code AND k.year = o.year AND k.period = o.period
                ) ranked
                WHERE observations.rowid = ranked.rid;

                DROP TABLE import_collisions;
                """);
        }
        return added;
    }
}
