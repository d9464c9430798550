namespace Kencana.Warehouse.Import;

/// <summary>What one import did, file by file.</summary>
/// <param name="Files">One entry per file, in the order they were loaded.</param>
/// <param name="Elapsed">How long the whole import took.</param>
public sealed record ImportReport(IReadOnlyList<FileImportResult> Files, TimeSpan Elapsed)
{
    /// <summary>Rows added over all files.</summary>
    public long RowsAdded => Files.Sum(f => f.RowsAdded);

    /// <summary>Rows read over all files.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);
}

/// <summary>What an import did with one file.</summary>
/// <param name="File">The file name.</param>
/// <param name="Kind">What the file held.</param>
/// <param name="RowsRead">Data rows in the file.</param>
/// <param name="RowsAdded">Rows added to the warehouse.</param>
/// <param name="RowsAlreadyPresent">Rows identical to ones already in the warehouse, left as they were.</param>
/// <param name="DataVersion">The data version this file created; for a file imported before, the version that loaded it.</param>
/// <param name="AlreadyImported">True when this exact file (by SHA-256) was imported before, so nothing was read.</param>
public sealed record FileImportResult(
    string File,
    ImportKind? Kind,
    long RowsRead,
    long RowsAdded,
    long RowsAlreadyPresent,
    int DataVersion,
    bool AlreadyImported);
