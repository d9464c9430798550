using DuckDB.NET.Data;
using Kencana.Warehouse.SqlApi.Snapshots;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// One snapshot file opened for the SQL API in a DuckDB instance of its own, locked down from its first moment, and
/// the sessions that read it. Retired when a newer snapshot replaces it, it closes and deletes its files once its last
/// session ends.
/// </summary>
/// <remarks>
/// DuckDB.NET keeps one database instance per connection string while any connection with it is open. The
/// connection string names this snapshot's file read-only with every limit as a start-up option (no external access,
/// no extension loading or installing, no community extensions, memory and threads, and the configuration locked), so
/// the instance is created locked: there is no moment in which a statement could run before the lockdown, and it is
/// never the warehouse's instance, whose file and connection string differ. One connection is held for the
/// snapshot's life, so the instance is created once and not per session.
/// </remarks>
internal sealed class SandboxSnapshot : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SnapshotFile _file;
    private readonly SqlLimits _limits;
    private readonly string _connectionString;
    private readonly Action<SnapshotFile>? _deleted;
    private DuckDBConnection? _held;
    private int _sessions;
    private bool _retired;

    public SandboxSnapshot(SnapshotFile file, SqlLimits limits, Action<SnapshotFile>? deleted = null)
    {
        _file = file;
        _limits = limits;
        _deleted = deleted;
        _connectionString = ConnectionString(file.Path, limits);
        _held = new DuckDBConnection(_connectionString);
        try
        {
            _held.Open();
        }
        catch
        {
            _held.Dispose();
            throw;
        }
    }

    public int DataVersion => _file.DataVersion;

    public SnapshotFile File => _file;

    /// <summary>The sessions open on this snapshot.</summary>
    public int Sessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions;
            }
        }
    }

    /// <summary>The start-up options of the snapshot's instance.</summary>
    internal static string ConnectionString(string path, SqlLimits limits)
    {
        var builder = new DuckDBConnectionStringBuilder
        {
            DataSource = path,
            AccessMode = DuckDBAccessMode.ReadOnly,
            EnableExternalAccess = false,
            AutoloadKnownExtensions = false,
            AutoinstallKnownExtensions = false,
            AllowCommunityExtensions = false,
            AllowUnsignedExtensions = false,
            AllowPersistentSecrets = false,
            LockConfiguration = true,
        };
        if (limits.MemoryLimit is { } memory)
        {
            builder.MemoryLimit = memory;
        }
        if (limits.Threads is { } threads)
        {
            builder.Threads = threads;
        }
        return builder.ConnectionString;
    }

    /// <summary>Opens a session, unless the snapshot was retired; then null, and the caller takes the newer one.</summary>
    public ISqlSession? TryOpenSession()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }
            var connection = new DuckDBConnection(_connectionString);
            connection.Open();
            _sessions++;
            return new DuckDbSqlSession(this, connection, _limits);
        }
    }

    /// <summary>Called by a session as it ends.</summary>
    internal void Release()
    {
        bool close;
        lock (_gate)
        {
            _sessions--;
            close = _retired && _sessions == 0;
        }
        if (close)
        {
            Close();
        }
    }

    /// <summary>Takes no more sessions; closes and deletes the snapshot when its last session ends (now, if none is open).</summary>
    public void Retire()
    {
        bool close;
        lock (_gate)
        {
            _retired = true;
            close = _sessions == 0;
        }
        if (close)
        {
            Close();
        }
    }

    private void Close()
    {
        DuckDBConnection? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }
        if (held is null)
        {
            return;
        }
        held.Dispose();
        if (SnapshotDirectory.TryDelete(_file))
        {
            _deleted?.Invoke(_file);
        }
    }

    /// <summary>Closes the instance without deleting the file, for the end of the process; sessions still open keep their own connections.</summary>
    public void Dispose()
    {
        DuckDBConnection? held;
        lock (_gate)
        {
            _retired = true;
            held = _sessions == 0 ? _held : null;
            if (held is not null)
            {
                _held = null;
            }
        }
        held?.Dispose();
    }
}
