using System.Diagnostics;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Import;

/// <summary>
/// Loads observations, targets and sources from CSV and Parquet files, all or nothing: every file of one import is
/// checked and loaded in one transaction, and a single error leaves the warehouse exactly as it was.
/// </summary>
/// <remarks>
/// Files are read by DuckDB's own readers and checked with set-based SQL, so a large file costs about what DuckDB needs
/// to read it. An import first takes the path of a file without errors: observations are parsed as they are read and
/// every check is counted, not listed. Only when a count is not zero are the files read again as text, in their order,
/// to report each error with its line; the checks are the same on both paths. Each file that adds data becomes a
/// numbered data version; a file whose SHA-256 was imported before is skipped, and rows identical to stored ones are
/// never added twice. All files of one import are staged before any is checked, so an import of many large files
/// holds them all in DuckDB's temporary storage at once (which spills to disk beyond its memory limit).
/// </remarks>
public sealed class Importer
{
    /// <summary>How many errors an import reports in full; the rest are counted.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>What the progress says when the one-pass path found an error and the careful path reads the files again.</summary>
    internal const string CarefulPathNotice = "the files have errors; reading them again to report each with its line";

    private readonly WarehouseDatabase _database;

    /// <summary>Creates an importer for a warehouse.</summary>
    public Importer(WarehouseDatabase database) => _database = database;

    /// <summary>Imports the files in one transaction.</summary>
    /// <param name="files">CSV or Parquet files; a sources file is loaded before the values that cite it.</param>
    /// <param name="options">How to treat the files.</param>
    /// <param name="progress">Receives a line per step, for long imports.</param>
    /// <exception cref="ImportFailedException">Any file had errors; nothing was changed.</exception>
    /// <exception cref="WarehouseUnavailableException">The warehouse cannot be opened or written (locked, disk full, ...); nothing was changed.</exception>
    public ImportReport Import(IReadOnlyList<string> files, ImportOptions? options = null, IProgress<string>? progress = null)
    {
        // Inside the server, imports over HTTP take turns with each other and with target writes.
        using var turn = WriteGate.Enter(_database.Path);
        using var connection = _database.OpenConnection();
        try
        {
            var report = Import(connection, files, options ?? new ImportOptions(), progress);
            _database.DataVersionAdvanced();
            return report;
        }
        catch (DuckDBException ex) when (DuckDBFileErrors.Classify(ex.Message) is { } classified)
        {
            // Staging reports unreadable import files itself, so a file error that gets here is the warehouse's.
            throw WarehouseUnavailableException.For(classified.Fault, _database.Path, classified.Detail, ex);
        }
        catch (IOException ex) when (DiskFull.IsCause(ex))
        {
            throw WarehouseUnavailableException.For(WarehouseFault.DiskFull, _database.Path, inner: ex);
        }
    }

    internal static ImportReport Import(DuckDBConnection connection, IReadOnlyList<string> files, ImportOptions options, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("Name at least one file to import.", nameof(files));
        }
        var clock = Stopwatch.StartNew();
        ImportSql.CreateMacros(connection);
        var ordered = OrderForLoading(connection, files).ToList();
        var results = options.ExpectErrors ? null : ImportExpectingNoErrors(connection, ordered, options, progress);
        if (results is null)
        {
            if (!options.ExpectErrors)
            {
                progress?.Report(CarefulPathNotice);
            }
            results = ImportCarefully(connection, ordered, options, progress);
        }
        return new ImportReport(results, clock.Elapsed);
    }

    /// <summary>
    /// The path of an import without errors, which is nearly every large one: observations files are read straight
    /// into typed columns, in one pass, and checked with one count per kind of check instead of a list of problems
    /// with their lines. Any error found (or anything this path does not handle) rolls it back and returns null, and
    /// <see cref="ImportCarefully"/> then finds and locates every error, with the same checks.
    /// </summary>
    /// <returns>The files' results once committed, or null when nothing was changed and the careful path must run.</returns>
    private static List<FileImportResult>? ImportExpectingNoErrors(
        DuckDBConnection connection, List<string> files, ImportOptions options, IProgress<string>? progress)
    {
        var prepared = new List<PreparedFile>();
        try
        {
            foreach (var (path, index) in files.Select((path, index) => (path, index)))
            {
                var file = Prepare(connection, path, $"import_stage_{index}", options, progress, parseObservations: true);
                if (file is null || file.Rejected is not null)
                {
                    return null;
                }
                prepared.Add(file);
            }

            connection.Execute("BEGIN TRANSACTION");
            try
            {
                var results = new List<FileImportResult>();
                foreach (var file in prepared)
                {
                    var result = file.Parsed is { } parsed
                        ? CheckAndInsertParsed(connection, parsed, file.Sha256, options, progress)
                        : ImportFile(connection, file, options, progress) is ({ } careful, [], 0) ? careful : null;
                    if (result is null)
                    {
                        Rollback(connection);
                        return null;
                    }
                    results.Add(result);
                }
                connection.Execute("COMMIT");
                return results;
            }
            catch
            {
                Rollback(connection);
                throw;
            }
        }
        finally
        {
            CleanUp(connection, files.Count);
        }
    }

    /// <summary>
    /// Checks every row of every file and reports each error with its file, line and column; loads the files in one
    /// transaction when there are none.
    /// </summary>
    /// <exception cref="ImportFailedException">Any file had errors; nothing was changed.</exception>
    private static List<FileImportResult> ImportCarefully(
        DuckDBConnection connection, List<string> files, ImportOptions options, IProgress<string>? progress)
    {
        var errors = new List<ImportError>();
        long totalErrors = 0;
        var results = new List<FileImportResult>();
        var prepared = new List<PreparedFile>();

        try
        {
            // Every file is read before the transaction begins: DuckDB aborts a whole transaction when one statement
            // fails, so a file its readers reject (a broken Parquet footer, say) would take the other files' checks
            // down with it. Each file gets its own staging table until its turn comes.
            foreach (var (path, index) in files.Select((path, index) => (path, index)))
            {
                prepared.Add(Prepare(connection, path, $"import_stage_{index}", options, progress, parseObservations: false)!);
            }

            connection.Execute("BEGIN TRANSACTION");
            try
            {
                foreach (var file in prepared)
                {
                    var (result, fileErrors, fileErrorCount) = ImportFile(connection, file, options, progress);
                    if (result is not null)
                    {
                        results.Add(result);
                    }
                    totalErrors += fileErrorCount;
                    errors.AddRange(fileErrors.Take(MaxReportedErrors - errors.Count));
                }
                if (totalErrors > 0)
                {
                    throw new ImportFailedException(errors, totalErrors);
                }
                connection.Execute("COMMIT");
            }
            catch
            {
                Rollback(connection);
                throw;
            }
        }
        finally
        {
            CleanUp(connection, prepared.Count);
        }
        return results;
    }

    /// <summary>
    /// A file as read before the transaction: skipped, rejected with its errors, staged in <see cref="Table"/> as text,
    /// or (observations expected to have no errors) parsed into <see cref="Table"/>.
    /// </summary>
    private sealed record PreparedFile(string Path, string Sha256, string Table, StagedFile? Staged, FileImportResult? Skipped, ImportError? Rejected, ParsedObservationFile? Parsed = null);

    /// <param name="connection">The import's connection.</param>
    /// <param name="path">The file.</param>
    /// <param name="table">The staging table to create.</param>
    /// <param name="options">How to treat the files.</param>
    /// <param name="progress">Receives a line per step.</param>
    /// <param name="parseObservations">Read an observations file straight into typed columns (<see cref="FileStager.StageObservations"/>).</param>
    /// <returns>The file as read; null when <paramref name="parseObservations"/> is set and the file is an observations file that cannot be read that way.</returns>
    private static PreparedFile? Prepare(DuckDBConnection connection, string path, string table, ImportOptions options, IProgress<string>? progress, bool parseObservations)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new PreparedFile(path, "", table, null, null, new ImportError(name, null, null, $"file not found: {Path.GetFullPath(path)}"));
        }

        string sha256;
        try
        {
            sha256 = HashFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PreparedFile(path, "", table, null, null, new ImportError(name, null, null, $"cannot read the file ({ex.Message}): check that it exists and this user may read it"));
        }
        var earlier = connection.Scalar<int?>("SELECT min(version) FROM data_versions WHERE file_sha256 = $sha", ("sha", sha256));
        if (earlier is int earlierVersion && !options.Force)
        {
            progress?.Report($"{name}: already imported as data version {earlierVersion}; skipped (use --force to check it row by row)");
            return new PreparedFile(path, sha256, table, null, new FileImportResult(name, null, 0, 0, 0, earlierVersion, AlreadyImported: true), null);
        }

        progress?.Report($"{name}: reading");
        if (parseObservations)
        {
            // Line numbers are needed only on the careful path; without the file's order DuckDB reads in parallel.
            SetInsertionOrder(connection, false);
            var (isObservations, parsed) = FileStager.StageObservations(connection, path, table);
            if (isObservations)
            {
                return parsed is null ? null : new PreparedFile(path, sha256, table, null, null, null, parsed);
            }
        }
        try
        {
            SetInsertionOrder(connection, true);
            return new PreparedFile(path, sha256, table, FileStager.Stage(connection, path, table), null, null);
        }
        catch (FileRejectedException ex)
        {
            return new PreparedFile(path, sha256, table, null, null, ex.Error);
        }
    }

    private static (FileImportResult? Result, List<ImportError> Errors, long ErrorCount) ImportFile(
        DuckDBConnection connection, PreparedFile file, ImportOptions options, IProgress<string>? progress)
    {
        if (file.Rejected is { } rejected)
        {
            return (null, [rejected], 1);
        }
        if (file.Skipped is { } skipped)
        {
            return (skipped, [], 0);
        }
        var staged = file.Staged!;
        connection.Execute($"CREATE OR REPLACE TEMP VIEW import_stage AS {staged.CanonicalSelect}");
        // Dropped here only on success: after a failed statement DuckDB refuses every other one until the rollback,
        // and a failing drop would hide the error that matters. CleanUp drops them otherwise.
        var outcome = CheckAndInsert(connection, staged, file.Sha256, options, progress);
        connection.Execute($"DROP VIEW import_stage; DROP TABLE {file.Table}");
        return outcome;
    }

    private static (FileImportResult? Result, List<ImportError> Errors, long ErrorCount) CheckAndInsert(
        DuckDBConnection connection, StagedFile staged, string sha256, ImportOptions options, IProgress<string>? progress)
    {
        var name = staged.Name;
        progress?.Report($"{name}: {staged.Rows:N0} {staged.Kind.ToString().ToLowerInvariant()} rows read; checking");
        if (staged.IgnoredColumns.Count > 0)
        {
            progress?.Report($"{name}: ignoring column(s) {string.Join(", ", staged.IgnoredColumns)}");
        }
        if (staged.Rows == 0)
        {
            return staged.StructuralErrors.Count > 0
                ? (null, [.. staged.StructuralErrors], staged.StructuralErrors.Count)
                : (null, [new ImportError(name, null, null, "the file has a header but no data rows")], 1);
        }

        if (staged.Kind != ImportKind.Sources)
        {
            ImportSql.MapPeriods(connection);
        }
        // Staging needed the file's order for line numbers; checking and inserting do not, and run faster without it.
        SetInsertionOrder(connection, false);
        var problems = staged.Kind switch
        {
            ImportKind.Observations => Check(connection, ObservationRows.Parse, ObservationRows.Problems),
            ImportKind.Targets => Check(connection, TargetRows.Parse, TargetRows.Problems),
            _ => Check(connection, SourceRows.Parse, SourceRows.Problems),
        };
        if (problems > 0 || staged.StructuralErrors.Count > 0)
        {
            // Rows the CSV reader rejected were left out of the checks, which ran on every row that did parse, so
            // one run reports both kinds; each in the order of the file.
            var located = problems > 0 ? Locate(connection, staged) : [];
            var all = staged.StructuralErrors.Concat(located).OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList();
            return (null, all, problems + staged.StructuralErrors.Count);
        }

        var version = ImportSql.NextVersion(connection);
        var added = staged.Kind switch
        {
            ImportKind.Observations => ObservationRows.Insert(connection, version, options.MarkSynthetic,
                repeatedKeys: connection.Scalar<long>("SELECT count(*) FROM import_repeated") > 0,
                storedKeys: connection.Scalar<long>("SELECT count(*) FROM import_existing") > 0),
            ImportKind.Targets => TargetRows.Insert(connection, version),
            _ => SourceRows.Insert(connection, version),
        };
        return (Record(connection, name, staged.Kind, staged.Rows, added, version, sha256, options, progress), [], 0);
    }

    /// <summary>
    /// Checks and inserts an observations file parsed by <see cref="FileStager.StageObservations"/>, with the checks of
    /// <see cref="ObservationRows.Problems"/> counted rather than listed.
    /// </summary>
    /// <returns>The file's result, or null at the first kind of error found (the careful path reports them).</returns>
    private static FileImportResult? CheckAndInsertParsed(
        DuckDBConnection connection, ParsedObservationFile parsed, string sha256, ImportOptions options, IProgress<string>? progress)
    {
        var name = parsed.Name;
        progress?.Report($"{name}: {parsed.Rows:N0} observations rows read; checking");
        if (parsed.IgnoredColumns.Count > 0)
        {
            progress?.Report($"{name}: ignoring column(s) {string.Join(", ", parsed.IgnoredColumns)}");
        }
        connection.Execute($"DROP TABLE IF EXISTS import_parsed; ALTER TABLE {parsed.Table} RENAME TO import_parsed");
        if (ObservationRows.CheckParsed(connection) is not var (repeatedKeys, storedKeys))
        {
            return null;
        }

        var version = ImportSql.NextVersion(connection);
        var added = ObservationRows.Insert(connection, version, options.MarkSynthetic, repeatedKeys, storedKeys);
        return Record(connection, name, ImportKind.Observations, parsed.Rows, added, version, sha256, options, progress);
    }

    /// <summary>Records the data version a file's rows were added as, and says what the file did.</summary>
    private static FileImportResult Record(
        DuckDBConnection connection, string name, ImportKind kind, long rows, long added, int version, string sha256, ImportOptions options, IProgress<string>? progress)
    {
        if (added > 0)
        {
            connection.Execute(
                """
                INSERT INTO data_versions VALUES ($version, now()::TIMESTAMP, $kind, $description, $file, $sha, $observations, $targets, $sources)
                """,
                ("version", version), ("kind", options.VersionKind), ("description", $"{options.VersionKind} of {name}"),
                ("file", name), ("sha", sha256),
                ("observations", kind == ImportKind.Observations ? added : 0L),
                ("targets", kind == ImportKind.Targets ? added : 0L),
                ("sources", kind == ImportKind.Sources ? added : 0L));
            if (options.VersionKind == "import")
            {
                Audit.AuditTrail.Record(connection, options.Actor ?? Audit.AuditActor.CommandLine, "import",
                    $"{kind.ToString().ToLowerInvariant()} from {name}", version, fileName: name, fileSha256: sha256, rows: added);
            }
        }
        progress?.Report(added > 0
            ? $"{name}: {added:N0} rows added as data version {version}; {rows - added:N0} already present"
            : $"{name}: all {rows:N0} rows already present; nothing added");
        return new FileImportResult(name, kind, rows, added, rows - added, added > 0 ? version : 0, AlreadyImported: false);
    }

    /// <summary>
    /// Rolls back what the transaction did. After a failed write (a full disk, say) DuckDB may refuse even the
    /// rollback; the transaction then dies with the connection, and the error worth reporting is the first one.
    /// </summary>
    private static void Rollback(DuckDBConnection connection)
    {
        try
        {
            connection.Execute("ROLLBACK");
        }
        catch (DuckDBException)
        {
            // see above: the original error is rethrown by the caller
        }
    }

    /// <summary>Drops the staging tables and restores the settings the import changed; best effort, like <see cref="Rollback"/>.</summary>
    private static void CleanUp(DuckDBConnection connection, int stagedFiles)
    {
        try
        {
            var tables = Enumerable.Range(0, stagedFiles).Select(i => $"DROP TABLE IF EXISTS import_stage_{i};");
            connection.Execute("DROP VIEW IF EXISTS import_stage; " + string.Join(" ", tables)
                + " DROP TABLE IF EXISTS import_parsed; DROP TABLE IF EXISTS import_problems; DROP TABLE IF EXISTS import_periods;"
                + " DROP TABLE IF EXISTS import_repeated; DROP TABLE IF EXISTS import_existing; DROP TABLE IF EXISTS import_collisions;");
            if (!connection.Scalar<bool>("SELECT current_setting('lock_configuration')"))
            {
                connection.Execute("RESET preserve_insertion_order");
            }
        }
        catch (DuckDBException)
        {
            // temporary tables and settings end with the connection anyway
        }
    }

    /// <summary>
    /// Sets whether DuckDB keeps the file's row order, where it may: inside the server the configuration is locked
    /// (<see cref="ExternalAccessLockdown"/>) at DuckDB's default, which keeps the order. Staging then still gets the
    /// line numbers it needs; only the checks run somewhat slower than on the command line.
    /// </summary>
    private static void SetInsertionOrder(DuckDBConnection connection, bool preserve)
    {
        if (connection.Scalar<bool>("SELECT current_setting('lock_configuration')"))
        {
            return;
        }
        connection.Execute($"SET preserve_insertion_order = {(preserve ? "true" : "false")}");
    }

    private static long Check(DuckDBConnection connection, Action<DuckDBConnection> parse, string problemsSql)
    {
        parse(connection);
        ImportSql.CollectProblems(connection, problemsSql);
        return connection.Scalar<long>("SELECT count(*) FROM import_problems");
    }

    private static List<ImportError> Locate(DuckDBConnection connection, StagedFile staged)
    {
        var problems = connection.Query(
            $"SELECT row_index, col, message, other_row FROM import_problems ORDER BY row_index, col NULLS FIRST LIMIT {MaxReportedErrors}",
            r => (Row: r.GetInt64(0), Column: r.IsDBNull(1) ? null : r.GetString(1), Message: r.GetString(2), Other: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)))
            .ToList();
        var rows = problems.Select(p => p.Row).Concat(problems.Where(p => p.Other is not null).Select(p => p.Other!.Value)).Distinct().ToList();
        var lines = staged.IsCsv
            ? CsvLineMap.Locate(staged.Path, rows, staged.RejectedLines)
            : rows.ToDictionary(r => r, r => r + 1);
        var unit = staged.IsCsv ? "line" : "row";
        return [.. problems.Select(p => new ImportError(
            staged.Name,
            lines.GetValueOrDefault(p.Row, p.Row + 2),
            p.Column is null ? null : staged.FileColumns.GetValueOrDefault(p.Column, p.Column),
            p.Other is long other ? $"{p.Message} (first on {unit} {lines.GetValueOrDefault(other, other + 2)})" : p.Message))];
    }

    /// <summary>Sources first, so that values citing a new source in the same import find it.</summary>
    private static IEnumerable<string> OrderForLoading(DuckDBConnection connection, IReadOnlyList<string> files) =>
        files.Select((path, index) => (path, index, isSources: LooksLikeSources(connection, path)))
             .OrderByDescending(f => f.isSources)
             .ThenBy(f => f.index)
             .Select(f => f.path);

    private static bool LooksLikeSources(DuckDBConnection connection, string path)
    {
        try
        {
            IEnumerable<string> columns = Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                ? connection.Query("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($path))", r => r.GetString(0), ("path", path)).ToList()
                : CsvDialect.ReadHeader(path).Header;
            return ImportColumns.KindOf(columns.Select(ImportColumns.Canonical).ToHashSet(StringComparer.Ordinal)) == ImportKind.Sources;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or DuckDBException or UnauthorizedAccessException)
        {
            return false; // the file's own import reports what is wrong with it
        }
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
