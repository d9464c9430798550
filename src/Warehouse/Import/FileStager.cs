using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>
/// Reads a CSV or Parquet file with DuckDB's own readers into a staging table, and describes the view that gives its
/// columns their canonical names.
/// </summary>
/// <remarks>
/// The file is copied once, as DuckDB's reader hands it over; the canonical view costs nothing until the checks read
/// it, where a second table would copy every value again.
/// </remarks>
internal static class FileStager
{
    /// <param name="connection">The import's connection.</param>
    /// <param name="path">The file.</param>
    /// <param name="table">The temporary table to create; a name the importer makes, never file text.</param>
    public static StagedFile Stage(DuckDBConnection connection, string path, string table)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var isCsv = extension is ".csv" or ".txt" or ".tsv";
        if (!isCsv && extension != ".parquet")
        {
            throw new FileRejectedException(new ImportError(name, null, null, $"unsupported file type '{extension}': import .csv (comma or semicolon separated) or .parquet files"));
        }

        var structural = new List<ImportError>();
        var rejectedLines = new HashSet<long>();
        if (isCsv)
        {
            char delimiter;
            try
            {
                (delimiter, _) = CsvDialect.ReadHeader(path);
            }
            catch (InvalidDataException ex)
            {
                throw new FileRejectedException(new ImportError(name, 1, null, ex.Message));
            }
            connection.Execute("DROP TABLE IF EXISTS import_rejects; DROP TABLE IF EXISTS import_reject_scans;");
            try
            {
                connection.Execute(
                    $"""
                    CREATE OR REPLACE TEMP TABLE {table} AS
                    SELECT * FROM read_csv($path, header = true, all_varchar = true, delim = $delim, quote = '"', escape = '"',
                        store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_reject_scans')
                    """,
                    ("path", path), ("delim", delimiter.ToString()));
            }
            catch (DuckDBException ex)
            {
                throw new FileRejectedException(new ImportError(name, null, null, $"DuckDB could not read the file as CSV ({FirstLine(ex.Message)}): save it again as UTF-8 CSV with one header line and balanced quotes"));
            }
            // DuckDB rejects a short row once per missing column; one error per row says it, naming them all.
            structural.AddRange(connection.Query(
                """
                SELECT line, CASE WHEN count(*) = 1 THEN any_value(column_name) END, error_type,
                       arg_min(error_message, column_idx)
                       || CASE WHEN count(*) > 1 THEN format(' (no {})', string_agg(column_name, ', ' ORDER BY column_idx)) ELSE '' END
                FROM import_rejects GROUP BY line, error_type ORDER BY line, error_type LIMIT 1000
                """,
                r => new ImportError(name, Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.IsDBNull(1) ? null : r.GetString(1), $"{r.GetString(2).ToLowerInvariant()}: {FirstLine(r.GetString(3))}")));
            rejectedLines.UnionWith(connection.Query("SELECT DISTINCT line FROM import_rejects", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            try
            {
                connection.Execute($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM read_parquet($path)", ("path", path));
            }
            catch (DuckDBException ex)
            {
                throw new FileRejectedException(new ImportError(name, null, null, $"DuckDB could not read the file as Parquet ({FirstLine(ex.Message)}): the file is damaged or incomplete; export or download it again"));
            }
        }

        var fileColumns = connection.Query($"SELECT column_name FROM (DESCRIBE {table})", r => r.GetString(0)).ToList();
        var layout = Layout(name, isCsv, fileColumns, i => QuoteIdentifier(fileColumns[i]));
        // A fresh table's rowids follow the file's order; temporary tables number them from an offset.
        var firstRowId = connection.Scalar<long?>($"SELECT min(rowid) FROM {table}") ?? 0;
        var rows = connection.Scalar<long>($"SELECT count(*) FROM {table}");
        var view = $"SELECT rowid - {firstRowId.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS row_index, {layout.CanonicalColumns} FROM {table}";
        return new StagedFile(path, isCsv, layout.Kind, rows, view, layout.FileColumns, layout.IgnoredColumns, structural, rejectedLines);
    }

    /// <summary>
    /// Reads an observations file straight into typed columns in the table <paramref name="table"/>
    /// (<see cref="ObservationRows.StageParsed"/>), in one pass and in no particular order, for an import that expects
    /// no errors.
    /// </summary>
    /// <param name="connection">The import's connection.</param>
    /// <param name="path">The file.</param>
    /// <param name="table">The temporary table to create; a name the importer makes, never file text.</param>
    /// <returns>
    /// Whether the file holds observations (or may: a file that cannot be read counts as one), and the parsed file, or
    /// null where it has an error this pass does not locate (rows DuckDB's reader rejected, columns that do not fit,
    /// no rows): the careful path of <see cref="Stage"/> then reads it again and says what is wrong. A file that holds
    /// something else is left to <see cref="Stage"/>.
    /// </returns>
    public static (bool IsObservations, ParsedObservationFile? Parsed) StageObservations(DuckDBConnection connection, string path, string table)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var isCsv = extension is ".csv" or ".txt" or ".tsv";
        if (!isCsv && extension != ".parquet")
        {
            return (false, null);
        }
        try
        {
            FileLayout layout;
            string reader;
            (string, object?)[] parameters;
            if (isCsv)
            {
                // The header line read here is the one DuckDB skips (auto_detect = false): its cells name the columns
                // by position, so DuckDB's sniffer need not read a sample of the file, twice. A file whose rows do not
                // fit its header is rejected row by row, and the careful path reports it.
                var (delimiter, header) = CsvDialect.ReadHeader(path);
                layout = Layout(name, isCsv, header, i => $"c{i}");
                var columns = string.Join(", ", header.Select((_, i) => $"'c{i}': 'VARCHAR'"));
                reader = $$"""
                    read_csv($path, header = true, auto_detect = false, columns = {{{columns}}}, delim = $delim, quote = '"', escape = '"',
                        store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_reject_scans')
                    """;
                parameters = [("path", path), ("delim", delimiter.ToString())];
            }
            else
            {
                reader = "read_parquet($path)";
                parameters = [("path", path)];
                var fileColumns = connection.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM {reader})", r => r.GetString(0), parameters).ToList();
                layout = Layout(name, isCsv, fileColumns, i => QuoteIdentifier(fileColumns[i]));
            }
            if (layout.Kind != ImportKind.Observations)
            {
                return (false, null);
            }
            connection.Execute("DROP TABLE IF EXISTS import_rejects; DROP TABLE IF EXISTS import_reject_scans;");
            connection.Execute(ObservationRows.StageParsed(table, $"SELECT {layout.CanonicalColumns} FROM {reader}"), parameters);
            // Rows the CSV reader rejected need their lines reported, which only the careful path knows.
            if (isCsv && connection.Scalar<long>("SELECT count(*) FROM import_rejects") > 0)
            {
                return (true, null);
            }
            var rows = connection.Scalar<long>($"SELECT count(*) FROM {table}");
            return (true, rows == 0 ? null : new ParsedObservationFile(path, table, rows, layout.IgnoredColumns));
        }
        catch (Exception ex) when (ex is FileRejectedException or InvalidDataException or IOException or UnauthorizedAccessException or DuckDBException)
        {
            return (true, null);
        }
    }

    /// <summary>Maps a file's columns to the canonical ones and decides what it holds.</summary>
    /// <param name="name">The file's name, for errors.</param>
    /// <param name="isCsv">Whether errors name a line.</param>
    /// <param name="fileColumns">The file's column names, in order.</param>
    /// <param name="reference">How SQL refers to the column at a position.</param>
    /// <exception cref="FileRejectedException">Two columns mean the same, or the columns fit no kind of file.</exception>
    private static FileLayout Layout(string name, bool isCsv, IReadOnlyList<string> fileColumns, Func<int, string> reference)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, position) in fileColumns.Select((column, position) => (column, position)))
        {
            var canonical = ImportColumns.Canonical(column);
            if (mapping.TryGetValue(canonical, out var earlier))
            {
                throw new FileRejectedException(new ImportError(name, isCsv ? 1 : null, column, $"columns '{earlier}' and '{column}' both mean '{canonical}'; keep one"));
            }
            mapping[canonical] = column;
            positions[canonical] = position;
        }

        var present = mapping.Keys.ToHashSet(StringComparer.Ordinal);
        var kind = ImportColumns.KindOf(present)
            ?? throw new FileRejectedException(new ImportError(name, isCsv ? 1 : null, null,
                $"cannot tell what the file holds from its columns ({string.Join(", ", fileColumns)}): observations need {string.Join(", ", ImportColumns.Required[ImportKind.Observations])}; targets need {string.Join(", ", ImportColumns.Required[ImportKind.Targets])}; sources need {string.Join(", ", ImportColumns.Required[ImportKind.Sources])}"));

        var missing = ImportColumns.Required[kind].Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FileRejectedException(new ImportError(name, isCsv ? 1 : null, null,
                $"a file of {kind.ToString().ToLowerInvariant()} needs the column(s) {string.Join(", ", missing)}; it has {string.Join(", ", fileColumns)}"));
        }

        var known = ImportColumns.All(kind).ToHashSet(StringComparer.Ordinal);
        // Canonical names come from ImportColumns; file names are only ever quoted identifiers on the right-hand side.
        var select = string.Join(", ", ImportColumns.All(kind).Select(c =>
            positions.TryGetValue(c, out var position)
                ? $"CAST({reference(position)} AS VARCHAR) AS {c}"
                : $"CAST(NULL AS VARCHAR) AS {c}"));
        return new FileLayout(
            kind,
            select,
            mapping.Where(m => known.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value),
            [.. mapping.Where(m => !known.Contains(m.Key)).Select(m => m.Value)]);
    }

    /// <summary>What a file holds and how its columns map to the canonical ones.</summary>
    /// <param name="Kind">What the file holds.</param>
    /// <param name="CanonicalColumns">A select list giving every column of <paramref name="Kind"/> its canonical name, as text.</param>
    /// <param name="FileColumns">The file's own name of each canonical column present.</param>
    /// <param name="IgnoredColumns">Columns of the file that no import uses.</param>
    private sealed record FileLayout(ImportKind Kind, string CanonicalColumns, IReadOnlyDictionary<string, string> FileColumns, IReadOnlyList<string> IgnoredColumns);

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
