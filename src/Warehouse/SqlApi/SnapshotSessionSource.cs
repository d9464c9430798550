using Kencana.Warehouse.SqlApi.Engine;
using Kencana.Warehouse.SqlApi.Snapshots;

namespace Kencana.Warehouse.SqlApi;

/// <summary>
/// The SQL API's sessions over the newest complete snapshot: a new snapshot takes the new sessions as soon as it is
/// published, sessions already open keep reading the one they started on, and a replaced snapshot is closed and its
/// file deleted when its last session ends.
/// </summary>
public sealed class SnapshotSessionSource : ISqlSessionSource, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqlLimits _limits;
    private readonly Action<SnapshotFile>? _deleted;
    private SandboxSnapshot? _current;
    private bool _disposed;

    /// <summary>Creates the source; it opens no session until a snapshot is published.</summary>
    /// <param name="limits">The limits every statement runs under.</param>
    /// <param name="deleted">Told when a replaced snapshot's file is deleted, for the log.</param>
    /// <exception cref="ArgumentException">A limit is out of range; the message names its setting.</exception>
    public SnapshotSessionSource(SqlLimits limits, Action<SnapshotFile>? deleted = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        _deleted = deleted;
    }

    /// <summary>The data version new sessions read, or null before the first snapshot is published.</summary>
    public int? DataVersion
    {
        get
        {
            lock (_gate)
            {
                return _current?.DataVersion;
            }
        }
    }

    /// <summary>The snapshot new sessions read, or null.</summary>
    public SnapshotFile? Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.File;
            }
        }
    }

    /// <inheritdoc />
    public ISqlSession OpenSession()
    {
        while (true)
        {
            SandboxSnapshot? current;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                current = _current;
            }
            if (current is null)
            {
                throw new SqlApiException(SqlStates.CannotConnectNow,
                    "The SQL API is starting: the snapshot of the curated relations is being built. Connect again in a moment.",
                    "Building takes seconds for the seed warehouse and a few minutes for a national village-level one; the server log shows its progress.");
            }
            // Null when a newer snapshot replaced this one meanwhile: take that one.
            if (current.TryOpenSession() is { } session)
            {
                return session;
            }
        }
    }

    /// <summary>Opens a complete snapshot and sends new sessions to it; the one it replaces is retired.</summary>
    /// <exception cref="DuckDB.NET.Data.DuckDBException">The file cannot be opened.</exception>
    public void Publish(SnapshotFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var opened = new SandboxSnapshot(file, _limits, _deleted);
        SandboxSnapshot? replaced;
        lock (_gate)
        {
            if (_disposed)
            {
                opened.Dispose();
                return;
            }
            replaced = _current;
            _current = opened;
        }
        replaced?.Retire();
    }

    /// <summary>Closes the current snapshot's instance once its sessions end; its file stays for the next start to reuse or clean.</summary>
    public void Dispose()
    {
        SandboxSnapshot? current;
        lock (_gate)
        {
            _disposed = true;
            current = _current;
            _current = null;
        }
        current?.Dispose();
    }
}
