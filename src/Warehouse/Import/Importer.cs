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
/// Files are read by DuckDB's own readers into a staging table and checked with set-based SQL, so a large file costs
/// about what DuckDB needs to read it. Each file that adds data becomes a numbered data version; a file whose
/// SHA-256 was imported before is skipped, and rows identical to stored ones are never added twice.
/// </remarks>
public sealed class Importer
{
    /// <summary>How many errors an import reports in full; the rest are counted.</summary>
    public const int MaxReportedErrors = 100;

    private readonly WarehouseDatabase _database;

    /// <summary>Creates an importer for a warehouse.</summary>
    public Importer(WarehouseDatabase database) => _database = database;

    /// <summary>Imports the files in one transaction.</summary>
    /// <param name="files">CSV or Parquet files; a sources file is loaded before the values that cite it.</param>
    /// <param name="options">How to treat the files.</param>
    /// <param name="progress">Receives a line per step, for long imports.</param>
    /// <exception cref="ImportFailedException">Any file had errors; nothing was changed.</exception>
    public ImportReport Import(IReadOnlyList<string> files, ImportOptions? options = null, IProgress<string>? progress = null)
    {
        using var connection = _database.OpenConnection();
        return Import(connection, files, options ?? new ImportOptions(), progress);
    }

    internal static ImportReport Import(DuckDBConnection connection, IReadOnlyList<string> files, ImportOptions options, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("Name at least one file to import.", nameof(files));
        }
        var clock = Stopwatch.StartNew();
        var errors = new List<ImportError>();
        long totalErrors = 0;
        var results = new List<FileImportResult>();

        connection.Execute("BEGIN TRANSACTION");
        try
        {
            ImportSql.CreateMacros(connection);
            foreach (var path in OrderForLoading(connection, files))
            {
                var (result, fileErrors, fileErrorCount) = ImportFile(connection, path, options, progress);
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
            connection.Execute("ROLLBACK");
            throw;
        }
        finally
        {
            connection.Execute("DROP TABLE IF EXISTS import_stage; DROP TABLE IF EXISTS import_parsed; DROP TABLE IF EXISTS import_problems; DROP TABLE IF EXISTS import_periods;");
            connection.Execute("RESET preserve_insertion_order");
        }
        return new ImportReport(results, clock.Elapsed);
    }

    private static (FileImportResult? Result, List<ImportError> Errors, long ErrorCount) ImportFile(
        DuckDBConnection connection, string path, ImportOptions options, IProgress<string>? progress)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return (null, [new ImportError(name, null, null, $"file not found: {Path.GetFullPath(path)}")], 1);
        }

        var sha256 = HashFile(path);
        var earlier = connection.Scalar<int?>("SELECT min(version) FROM data_versions WHERE file_sha256 = $sha", ("sha", sha256));
        if (earlier is int earlierVersion && !options.Force)
        {
            progress?.Report($"{name}: already imported as data version {earlierVersion}; skipped (use --force to check it row by row)");
            return (new FileImportResult(name, null, 0, 0, 0, earlierVersion, AlreadyImported: true), [], 0);
        }

        StagedFile staged;
        try
        {
            progress?.Report($"{name}: reading");
            connection.Execute("SET preserve_insertion_order = true");
            staged = FileStager.Stage(connection, path);
        }
        catch (FileRejectedException ex)
        {
            return (null, [ex.Error], 1);
        }
        progress?.Report($"{name}: {staged.Rows:N0} {staged.Kind.ToString().ToLowerInvariant()} rows read; checking");
        if (staged.IgnoredColumns.Count > 0)
        {
            progress?.Report($"{name}: ignoring column(s) {string.Join(", ", staged.IgnoredColumns)}");
        }
        if (staged.StructuralErrors.Count > 0)
        {
            // Rows the reader rejected shift every later row, so row checks would point at the wrong lines.
            return (null, [.. staged.StructuralErrors], staged.StructuralErrors.Count);
        }
        if (staged.Rows == 0)
        {
            return (null, [new ImportError(name, null, null, "the file has a header but no data rows")], 1);
        }

        if (staged.Kind != ImportKind.Sources)
        {
            ImportSql.MapPeriods(connection);
        }
        // Staging needed the file's order for line numbers; checking and inserting do not, and run faster without it.
        connection.Execute("SET preserve_insertion_order = false");
        var problems = staged.Kind switch
        {
            ImportKind.Observations => Check(connection, ObservationRows.Parse, ObservationRows.Problems),
            ImportKind.Targets => Check(connection, TargetRows.Parse, TargetRows.Problems),
            _ => Check(connection, SourceRows.Parse, SourceRows.Problems),
        };
        if (problems > 0)
        {
            return (null, Locate(connection, staged), problems);
        }

        var version = ImportSql.NextVersion(connection);
        var added = staged.Kind switch
        {
            ImportKind.Observations => ObservationRows.Insert(connection, version, options.MarkSynthetic),
            ImportKind.Targets => TargetRows.Insert(connection, version),
            _ => SourceRows.Insert(connection, version),
        };
        if (added > 0)
        {
            connection.Execute(
                """
                INSERT INTO data_versions VALUES ($version, now()::TIMESTAMP, $kind, $description, $file, $sha, $observations, $targets, $sources)
                """,
                ("version", version), ("kind", options.VersionKind), ("description", $"{options.VersionKind} of {name}"),
                ("file", name), ("sha", sha256),
                ("observations", staged.Kind == ImportKind.Observations ? added : 0L),
                ("targets", staged.Kind == ImportKind.Targets ? added : 0L),
                ("sources", staged.Kind == ImportKind.Sources ? added : 0L));
        }
        progress?.Report(added > 0
            ? $"{name}: {added:N0} rows added as data version {version}; {staged.Rows - added:N0} already present"
            : $"{name}: all {staged.Rows:N0} rows already present; nothing added");
        return (new FileImportResult(name, staged.Kind, staged.Rows, added, staged.Rows - added, added > 0 ? version : 0, AlreadyImported: false), [], 0);
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
            ? CsvLineMap.Locate(staged.Path, rows, new HashSet<long>())
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
