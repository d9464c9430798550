namespace Kencana.Warehouse.Export;

/// <summary>
/// A write-only stream over a destination that takes asynchronous writes only (an ASP.NET Core response): the few
/// synchronous writes a zip archive makes (an entry's data descriptor, the central directory when it closes) are
/// kept in memory and sent ahead of the next asynchronous write, or by <see cref="DrainAsync"/> at the end.
/// </summary>
/// <remarks>
/// .NET's ZipArchive writes those records with Stream.Write even when its user writes asynchronously; they are tens
/// of bytes per entry and a few hundred for the directory, so the buffer stays small.
/// </remarks>
internal sealed class SyncWriteBufferingStream(Stream destination) : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes written so far; zip writers read it to record where each entry starts.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await DrainAsync(cancellationToken);
        await destination.WriteAsync(buffer, cancellationToken);
        _written += buffer.Length;
    }

    /// <summary>Sends what synchronous writes left in memory.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length > 0)
        {
            await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
    }

    public override void Flush()
    {
        // Nothing to do synchronously: the pending bytes go out with the next asynchronous write or DrainAsync.
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }
        base.Dispose(disposing);
    }
}
