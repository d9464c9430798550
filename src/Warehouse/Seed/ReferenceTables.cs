using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Seed;

/// <summary>Loads the dimensions that imports do not change: the indicator catalogue, regions, population, the BPS crosswalk
/// and the region lineage (splits of provinces).</summary>
internal static class ReferenceTables
{
    public static void Load(DuckDBConnection connection, SeedFiles seed)
    {
        connection.Execute("BEGIN TRANSACTION");
        try
        {
            connection.Execute("""
                INSERT INTO indicators
                SELECT code, name_id, name_en, definition, unit, direction::direction,
                       TRY_CAST(min_value AS DOUBLE), TRY_CAST(max_value AS DOUBLE), rollup::rollup_rule, nullif(denominator, ''), source_id
                FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '"')
                """, ("path", seed["indicators.csv"]));
            connection.Execute("""
                INSERT INTO regions (code, name, level, parent_code, source_id)
                SELECT code, name, level::region_level, nullif(parent_code, ''), source_id
                FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '"')
                """, ("path", seed["regions.csv"]));
            connection.Execute("""
                UPDATE regions SET population_total = p.total, population_male = p.male, population_female = p.female,
                       population_year = 2025, population_source_id = p.source_id, area_km2 = p.area_km2
                FROM read_csv($path, header = true, delim = ',', quote = '"',
                    columns = {'code': 'VARCHAR', 'male': 'BIGINT', 'female': 'BIGINT', 'total': 'BIGINT', 'area_km2': 'DOUBLE', 'source_id': 'VARCHAR'}) p
                WHERE regions.code = p.code
                """, ("path", seed["population_2025.csv"]));
            connection.Execute("""
                UPDATE regions SET bps_code = b.bps_code
                FROM read_csv($path, header = true, all_varchar = true, delim = ',') b
                WHERE regions.code = b.kemendagri_code
                """, ("path", seed["bps_codes.csv"]));
            connection.Execute("""
                INSERT INTO region_lineage
                SELECT predecessor_code, successor_code, CAST(year AS SMALLINT), kind, source_id, nullif(note, '')
                FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '"')
                """, ("path", seed["region_lineage.csv"]));
            Verify(connection);
            connection.Execute(
                """
                INSERT INTO data_versions
                SELECT coalesce(max(version), 0) + 1, now()::TIMESTAMP, 'seed', 'seed of regions, population, BPS crosswalk and indicator catalogue',
                       'regions.csv', $sha, 0, 0, 0 FROM data_versions
                """, ("sha", seed.Sha256));
            connection.Execute("COMMIT");
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>Refuses a seed whose hierarchy or provenance is broken, naming the first offending rows.</summary>
    private static void Verify(DuckDBConnection connection)
    {
        (string Check, string Sql)[] checks =
        [
            ("region codes that are not Kemendagri codes",
             "SELECT code FROM regions WHERE NOT regexp_full_match(code, '0|[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?')"),
            ("regions whose parent is missing",
             "SELECT r.code FROM regions r LEFT JOIN regions p ON p.code = r.parent_code WHERE r.parent_code IS NOT NULL AND p.code IS NULL"),
            ("regions whose code depth does not match their level",
             """
             SELECT code FROM regions WHERE (CASE WHEN code = '0' THEN 0 ELSE length(code) - length(replace(code, '.', '')) + 1 END)
                 <> CASE level WHEN 'nation' THEN 0 WHEN 'province' THEN 1 WHEN 'regency' THEN 2 WHEN 'city' THEN 2 WHEN 'district' THEN 3 ELSE 4 END
             """),
            ("regions, indicators or population rows citing an unknown source",
             """
             SELECT code FROM regions WHERE source_id NOT IN (SELECT id FROM sources)
                OR population_source_id IS NOT NULL AND population_source_id NOT IN (SELECT id FROM sources)
             UNION ALL SELECT code FROM indicators WHERE source_id NOT IN (SELECT id FROM sources)
             """),
            ("indicators whose valid range is empty", "SELECT code FROM indicators WHERE min_value > max_value"),
            ("region lineage rows naming an unknown region or source, or an unknown kind of change",
             """
             SELECT predecessor_code || '>' || successor_code FROM region_lineage
             WHERE predecessor_code NOT IN (SELECT code FROM regions) OR successor_code NOT IN (SELECT code FROM regions)
                OR source_id NOT IN (SELECT id FROM sources) OR kind NOT IN ('split', 'continues')
                OR (kind = 'continues') <> (predecessor_code = successor_code)
             """),
        ];
        foreach (var (check, sql) in checks)
        {
            var offenders = connection.Query($"{sql} LIMIT 5", r => r.GetString(0)).ToList();
            if (offenders.Count > 0)
            {
                throw new InvalidDataException($"The seed has {check}: {string.Join(", ", offenders)}. Fix data/seed and rebuild.");
            }
        }
    }
}
