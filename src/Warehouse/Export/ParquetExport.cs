using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Writes an export as Parquet with DuckDB's own writer (<c>COPY (query) TO file (FORMAT parquet)</c>) and streams
/// the file to the destination. Where named pipes exist, the file is a pipe: DuckDB writes one row group while the
/// response sends the previous one, nothing touches the disk, and the first bytes leave before the query ends.
/// Elsewhere DuckDB writes a temporary file, which is streamed and then deleted.
/// </summary>
internal static class ParquetExport
{
    public static async Task WriteAsync(DuckDBConnection connection, ExportQuery query, ExportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var directory = options.ResolveTempDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"kencana-export-{Guid.NewGuid():N}.parquet");
        // The path is made here, never from request text; quotes are doubled all the same. The compression is one of
        // ExportOptions.ParquetCompressions, checked at start-up.
        var sql = $"COPY ({query.Sql}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION {options.ParquetCompression})";
        using var command = connection.CreateCommand(sql, [.. query.Parameters.Select(p => (p.Key, p.Value))]);
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
            throw new InvalidOperationException("DuckDB's COPY ended without writing the Parquet file.");
        }
        var pipe = await open;
        try
        {
            await pipe.CopyToAsync(destination, 256 * 1024, cancellationToken);
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
