using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>
/// One export in progress: a connection holding a snapshot, the request's query, and the writers that stream its
/// rows batch by batch. Dispose it when the response ends.
/// </summary>
/// <remarks>
/// Queries run in DuckDB's streaming mode and come out as Arrow record batches through DuckDB's Arrow C data
/// interface (one batch per 2,048-row data chunk, no per-value marshalling), so no format holds more than a few batches.
/// </remarks>
public sealed class ExportSession : IDisposable
{
    /// <summary>How many batches DuckDB may fetch ahead of the writer.</summary>
    public const int PrefetchBatches = 4;

    private readonly DuckDBConnection _connection;
    private readonly ExportOptions _options;
    private bool _disposed;
    private bool _staged;

    internal ExportSession(DuckDBConnection connection, ExportRequest request, ExportOptions options)
    {
        _connection = connection;
        _options = options;
        Request = request;
        Schema = ExportArrowSchema.For(request.Dataset);
        connection.Execute("BEGIN TRANSACTION");
        DataStamp = ReadDataStamp(connection);
    }

    /// <summary>The request being served.</summary>
    public ExportRequest Request { get; }

    /// <summary>What the data is as of, from the session's snapshot.</summary>
    public ExportDataStamp DataStamp { get; }

    /// <summary>The Arrow schema every batch has: the dataset's declared columns with their metadata.</summary>
    public Schema Schema { get; }

    /// <summary>Writes the whole export in the request's format to <paramref name="destination"/>.</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken = default) => WriteAsync(destination, null, cancellationToken);

    /// <summary>Writes the whole export in the request's format; a spreadsheet's headers and sheet names come from <paramref name="labels"/>.</summary>
    /// <param name="destination">Where the file goes.</param>
    /// <param name="labels">The words of a spreadsheet; the column names when null.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <exception cref="InvalidExportRequestException">A spreadsheet of more rows than Excel holds, refused before any byte is written.</exception>
    public Task WriteAsync(Stream destination, XlsxLabels? labels, CancellationToken cancellationToken = default)
    {
        // A computed dataset's rows are staged here, before any writer sends a byte, so that a failure is still a clean 500.
        var query = Query(cancellationToken);
        return Request.Format switch
        {
            ExportFormat.Csv => CsvExport.WriteAsync(_connection, query, Request.Dataset.Columns, Request.Dialect, _options, destination, cancellationToken),
            ExportFormat.Parquet => ParquetExport.WriteAsync(_connection, query, _options, destination, cancellationToken),
            ExportFormat.Xlsx => WriteXlsxAsync(destination, labels ?? XlsxLabels.ColumnNames, cancellationToken),
            _ => WriteArrowAsync(destination, cancellationToken),
        };
    }

    /// <summary>
    /// What, beside the data version, decides the rows: empty for datasets read from the warehouse, the models behind
    /// a computed one (<see cref="IComputedExportDataset.Revision"/>). Part of the export's ETag.
    /// </summary>
    public string Revision(CancellationToken cancellationToken = default) =>
        Request.Dataset is IComputedExportDataset computed ? computed.Revision(Request.Filter, cancellationToken) : "";

    /// <summary>Checks, before anything is sent, that the export fits its format (a spreadsheet's row limit).</summary>
    /// <exception cref="InvalidExportRequestException">It does not.</exception>
    public void CheckFits(CancellationToken cancellationToken = default)
    {
        if (Request.Format == ExportFormat.Xlsx)
        {
            XlsxExport.CheckSize(_connection, Query(cancellationToken));
        }
    }

    /// <summary>
    /// Runs the query and yields its rows as record batches with <see cref="Schema"/>. A batch is valid until the
    /// next one is asked for: write it, do not keep it.
    /// </summary>
    /// <remarks>
    /// DuckDB fetches up to <see cref="PrefetchBatches"/> batches ahead on another thread while the caller formats
    /// and sends the current one, so that fetching and writing use both cores; memory stays a few batches.
    /// </remarks>
    public async IAsyncEnumerable<RecordBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var query = Query(cancellationToken);
        using var command = _connection.CreateCommand(query.Sql, [.. query.Parameters.Select(p => (p.Key, p.Value))]);
        command.UseStreamingMode = true;
        // An interrupted query ends with an error, so a client that goes away stops the scan.
        using var interrupt = cancellationToken.Register(command.Cancel);
        // Starting a query that sorts or aggregates runs it to the first row: off the caller's thread.
        using var stream = await Task.Run(command.ExecuteArrowStream, CancellationToken.None);
        ExportArrowSchema.CheckMatches(Schema, stream.Schema, Request.Dataset.Name);

        var ahead = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(PrefetchBatches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetcher = Task.Run(() => FetchAsync(stream, ahead.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in ahead.Reader.ReadAllAsync(cancellationToken))
            {
                using (batch)
                {
                    // Same arrays, declared schema: field metadata and nullability travel with every format.
                    yield return new RecordBatch(Schema, Enumerable.Range(0, batch.ColumnCount).Select(batch.Column), batch.Length);
                }
            }
        }
        finally
        {
            if (!fetcher.IsCompleted)
            {
                // The caller stopped early: stop the fetcher, interrupting DuckDB if it is inside a fetch.
                await stop.CancelAsync();
                command.Cancel();
            }
            await fetcher;
            while (ahead.Reader.TryRead(out var unread))
            {
                unread.Dispose();
            }
        }
    }

    private static async Task FetchAsync(IArrowArrayStream stream, ChannelWriter<RecordBatch> ahead, CancellationToken cancellationToken)
    {
        try
        {
            while (await stream.ReadNextRecordBatchAsync(cancellationToken) is { } batch)
            {
                try
                {
                    await ahead.WriteAsync(batch, cancellationToken);
                }
                catch
                {
                    batch.Dispose();
                    throw;
                }
            }
            ahead.Complete();
        }
        catch (Exception ex)
        {
            // The reader sees the failure (or the cancellation) where it waits for the next batch.
            ahead.Complete(ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _connection.Dispose();
        }
    }

    internal static ExportDataStamp ReadDataStamp(DuckDBConnection connection)
    {
        var stamp = connection.Query(
            """
            SELECT d.version, strftime(d.loaded_at, '%Y-%m-%dT%H:%M:%S.%f'), coalesce(d.file_sha256, ''), strftime(w.created_at, '%Y-%m-%dT%H:%M:%S.%f')
            FROM data_versions d CROSS JOIN (SELECT created_at FROM warehouse_info LIMIT 1) w
            ORDER BY d.version DESC LIMIT 1
            """,
            r => new ExportDataStamp(r.GetInt32(0), string.Join('|',
                r.GetInt32(0).ToString(CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3)))).SingleOrDefault();
        return stamp ?? new ExportDataStamp(0, "0");
    }

    /// <summary>The dataset's query; for a computed dataset, its rows are staged on this connection the first time.</summary>
    private ExportQuery Query(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Request.Dataset is IComputedExportDataset computed && !_staged)
        {
            ExportStaging.Fill(_connection, computed.Columns, computed.ComputeRows(Request.Filter, cancellationToken), cancellationToken);
            _staged = true;
        }
        return Request.Dataset.BuildQuery(Request.Filter);
    }

    private Task WriteXlsxAsync(Stream destination, XlsxLabels labels, CancellationToken cancellationToken) =>
        XlsxExport.WriteAsync(this, _connection, labels, destination, cancellationToken);

    private async Task WriteArrowAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var writer = new ArrowStreamWriter(destination, Schema, leaveOpen: true);
        // The schema goes first even when no row matches, so that an empty export is still a readable stream.
        await writer.WriteStartAsync(cancellationToken);
        await foreach (var batch in ReadBatchesAsync(cancellationToken))
        {
            await writer.WriteRecordBatchAsync(batch, cancellationToken);
        }
        await writer.WriteEndAsync(cancellationToken);
    }
}
