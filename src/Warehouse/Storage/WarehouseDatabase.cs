using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>An embedded DuckDB warehouse file. Cheap to hold; every unit of work opens its own connection.</summary>
/// <remarks>
/// DuckDB.NET shares one database instance between the connections it opens to the same file, so a connection per
/// request costs little and keeps requests from sharing a connection, which is not thread-safe.
/// </remarks>
public sealed class WarehouseDatabase
{
    /// <summary>Points at a warehouse file; nothing is opened until <see cref="OpenConnection"/>.</summary>
    /// <param name="path">The DuckDB file.</param>
    /// <param name="readOnly">Open read-only, so several processes can read the same file.</param>
    public WarehouseDatabase(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        ReadOnly = readOnly;
    }

    /// <summary>The full path of the DuckDB file.</summary>
    public string Path { get; }

    /// <summary>True when connections are opened read-only.</summary>
    public bool ReadOnly { get; }

    /// <summary>True when the file exists.</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>
    /// Checks, without DuckDB, that the path is a file that starts with DuckDB's header and is as long as that header
    /// says, and unless <see cref="ReadOnly"/>, that its directory takes new files; run it once before first opening
    /// a file that may be damaged, such as at start-up.
    /// </summary>
    /// <remarks>
    /// DuckDB opens a file in a read-only directory without complaint and fails only at the first write, when it
    /// creates the write-ahead log beside it; hence the probe of the directory.
    /// </remarks>
    /// <exception cref="WarehouseUnavailableException">The path is missing, a directory, not a whole DuckDB file, or not writable.</exception>
    public void Verify()
    {
        if (WarehouseFileInspector.Inspect(Path) is { } fault)
        {
            throw fault;
        }
        if (!ReadOnly)
        {
            WarehouseFileInspector.ProbeWritable(Path);
        }
    }

    /// <summary>Opens a new connection; dispose it when the unit of work ends.</summary>
    /// <exception cref="WarehouseUnavailableException">
    /// The file is missing, a directory, damaged, locked by another process or not writable; <see cref="WarehouseUnavailableException.Fault"/> says which.
    /// </exception>
    public DuckDBConnection OpenConnection()
    {
        if (!Exists)
        {
            throw WarehouseUnavailableException.For(System.IO.Directory.Exists(Path) ? WarehouseFault.Directory : WarehouseFault.Missing, Path);
        }
        return Open(ConnectionString(Path, ReadOnly), Path);
    }

    /// <summary>
    /// Holds one connection open until disposed, so DuckDB keeps its database instance (catalogue, buffers) between
    /// units of work. Without it every connection creates and destroys the instance, which costs tens of
    /// milliseconds; a long-running process such as the server should hold one.
    /// </summary>
    public IDisposable KeepOpen() => new Held(OpenConnection(), DataVersionClock.Hold(Path));

    /// <summary>
    /// Holds one connection open like <see cref="KeepOpen()"/> and limits what DuckDB may do outside the warehouse
    /// for every connection of this process to the file, for as long as it is held: files only in
    /// <paramref name="allowedDirectories"/>, no extension installs or loads, and no configuration changes.
    /// </summary>
    /// <param name="allowedDirectories">Directories DuckDB may still read and write files in, such as where exports are written.</param>
    /// <param name="memoryLimit">
    /// The most memory DuckDB's buffers may take, in DuckDB's notation (<c>4GiB</c>, <c>512MB</c>); beyond it DuckDB
    /// spills large sorts and joins to disk or refuses the statement. Null keeps DuckDB's default, 80% of the machine's memory.
    /// </param>
    /// <param name="threads">How many threads DuckDB runs a statement on; null keeps DuckDB's default, one per core.</param>
    /// <exception cref="WarehouseUnavailableException">The file cannot be opened.</exception>
    /// <exception cref="ArgumentException"><paramref name="memoryLimit"/> is not a size such as <c>4GiB</c>, or <paramref name="threads"/> is below 1.</exception>
    public IDisposable KeepOpen(IReadOnlyCollection<string> allowedDirectories, string? memoryLimit = null, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(allowedDirectories);
        if (threads is < 1 or > 1024)
        {
            throw new ArgumentException($"DuckDB's thread count must be from 1 to 1024 (got {threads}).", nameof(threads));
        }
        if (memoryLimit is not null && !IsMemoryLimit(memoryLimit))
        {
            throw new ArgumentException($"The memory limit '{memoryLimit}' is not a size such as 4GiB, 512MB or 2GB.", nameof(memoryLimit));
        }
        var connection = OpenConnection();
        try
        {
            ExternalAccessLockdown.Apply(connection, allowedDirectories, memoryLimit, threads);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new Held(connection, DataVersionClock.Hold(Path));
    }

    /// <summary>True for a memory limit <see cref="KeepOpen(IReadOnlyCollection{string}, string?, int?)"/> takes: a number and a unit such as 512MB, 4GiB or 1.5GB.</summary>
    public static bool IsMemoryLimit(string text) => ExternalAccessLockdown.IsMemorySize(text);

    /// <summary>
    /// The newest data version's number, 0 for an empty warehouse. While the file is held open
    /// (<see cref="KeepOpen()"/>) it comes from memory, since only this process can then write the file; otherwise
    /// it costs one small statement.
    /// </summary>
    /// <param name="cancellationToken">Interrupts the statement, when one runs.</param>
    public int CurrentDataVersion(CancellationToken cancellationToken = default) =>
        DataVersionClock.Current(Path, () =>
        {
            using var connection = OpenConnection();
            return connection.Scalar<int>("SELECT coalesce(max(version), 0) FROM data_versions", cancellationToken);
        });

    /// <summary>
    /// Says that a write committed a new data version, so that the next <see cref="CurrentDataVersion"/> reads the
    /// file again. The importer, seed loader and generator call it themselves; call it after writing through
    /// <see cref="OpenConnection"/> directly.
    /// </summary>
    public void DataVersionAdvanced() => DataVersionClock.Advanced(Path);

    /// <summary>Opens a DuckDB connection, reporting a file DuckDB cannot use as the <see cref="WarehouseFault"/> it is.</summary>
    internal static DuckDBConnection Open(string connectionString, string path)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (DuckDBFileErrors.Classify(ex.Message) is { } classified)
        {
            connection.Dispose();
            throw WarehouseUnavailableException.For(classified.Fault, path, classified.Detail, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    internal static string ConnectionString(string path, bool readOnly) =>
        readOnly ? $"Data Source={path};ACCESS_MODE=READ_ONLY" : $"Data Source={path}";

    /// <summary>The connection and the in-memory version clock that a <see cref="KeepOpen()"/> holds, released together.</summary>
    private sealed class Held(DuckDBConnection connection, IDisposable clock) : IDisposable
    {
        public void Dispose()
        {
            clock.Dispose();
            connection.Dispose();
        }
    }
}
