using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Runs DuckDB's own writer, <c>COPY (query) TO file (options)</c>, and streams the file to the destination. Where
/// named pipes exist, the file is a pipe: DuckDB writes while the response sends what it wrote, nothing touches the
/// disk, and the first bytes leave before the query ends. Elsewhere DuckDB writes a temporary file, which is streamed
/// and then deleted.
/// </summary>
/// <remarks>
/// The file is made in <see cref="ExportOptions.ResolveTempDirectory"/>, the one directory outside the warehouse the
/// serving DuckDB may write to.
/// </remarks>
internal static class DuckDbCopyExport
{
    private const int PipeBytes = 1024 * 1024;

    /// <param name="connection">The export session's connection.</param>
    /// <param name="select">The SELECT statement to copy; its text comes from code, request values are parameters.</param>
    /// <param name="parameters">The statement's parameter values.</param>
    /// <param name="copyOptions">COPY's options, for example <c>FORMAT parquet</c>; text from code only.</param>
    /// <param name="extension">The temporary file's extension, without the dot.</param>
    /// <param name="options">The export options (temporary directory, whether to use a pipe).</param>
    /// <param name="destination">Where the file's bytes go.</param>
    /// <param name="cancellationToken">Stops DuckDB and the copy.</param>
    public static async Task WriteAsync(
        DuckDBConnection connection, string select, IEnumerable<KeyValuePair<string, object?>> parameters, string copyOptions, string extension,
        ExportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var directory = options.ResolveTempDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"kencana-export-{Guid.NewGuid():N}.{extension}");
        // The path is made here, never from request text; quotes are doubled all the same.
        var sql = $"COPY ({select}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' ({copyOptions})";
        using var command = connection.CreateCommand(sql, [.. parameters.Select(p => (p.Key, p.Value))]);
        try
        {
            if (options.ParquetThroughPipe && UnixFifo.IsSupported)
            {
                UnixFifo.Create(path);
                await CopyThroughPipeAsync(command, path, destination, cancellationToken);
            }
            else
            {
                await CopyThroughFileAsync(command, path, destination, cancellationToken);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task CopyThroughPipeAsync(DuckDBCommand command, string path, Stream destination, CancellationToken cancellationToken)
    {
        var copy = Task.Factory.StartNew(command.ExecuteNonQuery, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Opening a pipe's read end waits for a writer; should COPY fail before it opens the file, nothing would.
        var open = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1), CancellationToken.None);
        // A COPY that succeeded opened the pipe, which it can only do once our read end is open: the data waits in the
        // pipe even when the open's task completes a moment after COPY's, so only a failed COPY may have left the
        // reader waiting. (Treating any COPY that finished first as failed threw away small exports under load.)
        if (await Task.WhenAny(open, copy) == copy && !open.IsCompleted && !copy.IsCompletedSuccessfully)
        {
            // COPY failed, perhaps before opening the pipe: open its write end ourselves, so the reader sees an empty pipe and lets go.
            using (new FileStream(path, FileMode.Open, FileAccess.Write))
            {
            }
            await (await open).DisposeAsync();
            await copy; // throws DuckDB's error
            throw new InvalidOperationException("DuckDB's COPY ended without writing the export file.");
        }
        var pipe = await open;
        var pipeSize = UnixFifo.TryEnlarge(pipe.SafeFileHandle, PipeBytes);
        try
        {
            await pipe.CopyToAsync(destination, Math.Max(pipeSize, 256 * 1024), cancellationToken);
            await copy;
        }
        catch
        {
            // Stop DuckDB: interrupt the query, and close the read end so that a write blocked on a full pipe fails.
            command.Cancel();
            await pipe.DisposeAsync();
            await copy.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }
        finally
        {
            await pipe.DisposeAsync();
        }
    }

    private static async Task CopyThroughFileAsync(DuckDBCommand command, string path, Stream destination, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(command.Cancel))
        {
            await Task.Run(command.ExecuteNonQuery, CancellationToken.None);
        }
        cancellationToken.ThrowIfCancellationRequested();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 256 * 1024,
            FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
        await file.CopyToAsync(destination, 256 * 1024, cancellationToken);
    }
}
