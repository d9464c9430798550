using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>Parses, checks and inserts staged target rows. A target's key includes its plan: RPJMN and a
/// performance agreement may set different targets for the same year.</summary>
internal static class TargetRows
{
    public static void Parse(DuckDBConnection connection) => connection.Execute("""
        CREATE OR REPLACE TEMP TABLE import_parsed AS
        SELECT st.row_index,
            st.indicator AS indicator_raw, i.code AS indicator_code, i.min_value, i.max_value, i.unit,
            st.region_code AS region_raw, r.code AS region_code,
            st.year AS year_raw, kencana_year(st.year) AS year,
            st.period AS period_raw, pm.code AS period,
            st.target AS target_raw, kencana_number(st.target) AS target,
            st.source_id AS source_raw, so.id AS source_id,
            kencana_text(st.plan) AS plan, kencana_text(st.note) AS note
        FROM import_stage st
        LEFT JOIN indicators i ON i.code = upper(trim(st.indicator))
        LEFT JOIN regions r ON r.code = trim(st.region_code)
        LEFT JOIN sources so ON so.id = trim(st.source_id)
        LEFT JOIN import_periods pm ON pm.raw = st.period
        """);

    public const string Problems = ImportSql.KeyProblems + "\n" + """
        UNION ALL
        SELECT row_index, 'target',
            CASE WHEN kencana_text(target_raw) IS NULL THEN 'target is missing'
                 ELSE format('''{}'' is not a number (write 14.2 or 14,2; no thousands separators)', target_raw) END, NULL
        FROM import_parsed WHERE target IS NULL
        UNION ALL
        SELECT row_index, 'target', format('{} is outside the valid range of {} ({} to {} {})', trim(target_raw), indicator_code, coalesce(nullif(kencana_show(min_value), ''), '-inf'), coalesce(nullif(kencana_show(max_value), ''), '+inf'), unit), NULL
        FROM import_parsed WHERE target < min_value OR target > max_value
        UNION ALL
        SELECT row_index, 'source_id',
            CASE WHEN kencana_text(source_raw) IS NULL THEN 'source id is missing: every target keeps its source'
                 ELSE format('unknown source ''{}''; add it with a sources file in the same import', source_raw) END, NULL
        FROM import_parsed WHERE source_id IS NULL
        UNION ALL
        SELECT row_index, 'plan', 'plan is missing: name the plan that sets the target, for example RPJMN 2025-2029', NULL FROM import_parsed WHERE plan IS NULL
        UNION ALL
        SELECT row_index, NULL, format('duplicate: the {} target for {} {} {} under {} appears twice in the file', indicator_code, region_code, year, period, plan), first_row
        FROM (SELECT *, min(row_index) OVER (PARTITION BY indicator_code, region_code, year, period, plan) AS first_row FROM import_parsed
              WHERE indicator_code IS NOT NULL AND region_code IS NOT NULL AND year IS NOT NULL AND period IS NOT NULL AND plan IS NOT NULL)
        WHERE row_index <> first_row
        UNION ALL
        SELECT p.row_index, 'target', format('the warehouse already holds the target {} for {} {} {} {} under {} (data version {}); targets are never overwritten', kencana_show(t.value), t.indicator_code, t.region_code, t.year, t.period, t.plan, t.data_version), NULL
        FROM import_parsed p JOIN targets t
          ON t.indicator_code = p.indicator_code AND t.region_code = p.region_code AND t.year = p.year AND t.period = p.period AND t.plan = p.plan
        WHERE t.value IS DISTINCT FROM p.target
        """;

    public static long Insert(DuckDBConnection connection, int version) => connection.Execute("""
        INSERT INTO targets
        SELECT indicator_code, region_code, year, period, target, plan, source_id, note, $version
        FROM import_parsed p
        WHERE NOT EXISTS (SELECT 1 FROM targets t
            WHERE t.indicator_code = p.indicator_code AND t.region_code = p.region_code AND t.year = p.year
              AND t.period = p.period AND t.plan = p.plan)
        """, ("version", version));
}
