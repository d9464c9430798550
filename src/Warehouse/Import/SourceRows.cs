using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>Parses, checks and inserts staged source rows.</summary>
internal static class SourceRows
{
    /// <summary>The priority a new source gets when the file gives none: below official publishers.</summary>
    public const int DefaultPriority = 3;

    public static void Parse(DuckDBConnection connection) => connection.Execute($"""
        CREATE OR REPLACE TEMP TABLE import_parsed AS
        SELECT row_index,
            kencana_text(id) AS id, kencana_text(title) AS title, kencana_text(publisher) AS publisher, kencana_text(url) AS url,
            published_on AS published_raw, TRY_CAST(kencana_text(published_on) AS DATE) AS published_on,
            priority AS priority_raw, coalesce(TRY_CAST(kencana_text(priority) AS INTEGER), CASE WHEN kencana_text(priority) IS NULL THEN {DefaultPriority} END) AS priority,
            kencana_text(note) AS note,
            synthetic AS synthetic_raw, kencana_bool(synthetic) AS is_synthetic
        FROM import_stage
        """);

    public const string Problems = """
        SELECT row_index, 'id' AS col,
            CASE WHEN id IS NULL THEN 'source id is missing' ELSE format('''{}'' is not a source id: use letters, digits, _ - and . only', id) END AS message,
            NULL::BIGINT AS other_row
        FROM import_parsed WHERE id IS NULL OR NOT regexp_full_match(id, '[A-Za-z0-9_.-]{1,64}')
        UNION ALL
        SELECT row_index, 'title', 'title is missing', NULL FROM import_parsed WHERE title IS NULL
        UNION ALL
        SELECT row_index, 'publisher', 'publisher is missing', NULL FROM import_parsed WHERE publisher IS NULL
        UNION ALL
        SELECT row_index, 'published_on', format('''{}'' is not a date: write YYYY-MM-DD', published_raw), NULL FROM import_parsed WHERE kencana_text(published_raw) IS NOT NULL AND published_on IS NULL
        UNION ALL
        SELECT row_index, 'priority', format('''{}'' is not a priority: use a whole number from 1 (highest) to 9', priority_raw), NULL FROM import_parsed WHERE priority IS NULL OR priority NOT BETWEEN 1 AND 9
        UNION ALL
        SELECT row_index, 'synthetic', format('''{}'' is not true or false', synthetic_raw), NULL FROM import_parsed WHERE is_synthetic IS NULL
        UNION ALL
        SELECT row_index, 'id', format('duplicate: source {} appears twice in the file', id), first_row
        FROM (SELECT *, min(row_index) OVER (PARTITION BY id) AS first_row FROM import_parsed WHERE id IS NOT NULL) WHERE row_index <> first_row
        UNION ALL
        SELECT p.row_index, 'id', format('source {} already exists with another title or publisher (''{}'', {}); give the new source another id', p.id, s.title, s.publisher), NULL
        FROM import_parsed p JOIN sources s ON s.id = p.id
        WHERE s.title IS DISTINCT FROM p.title OR s.publisher IS DISTINCT FROM p.publisher
        """;

    public static long Insert(DuckDBConnection connection, int version) => connection.Execute("""
        INSERT INTO sources
        SELECT id, title, publisher, url, published_on, priority, note, is_synthetic, $version
        FROM import_parsed p WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = p.id)
        """, ("version", version));
}
