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

    /// <summary>Opens a new connection; dispose it when the unit of work ends.</summary>
    /// <exception cref="WarehouseUnavailableException">The file is missing or locked by another process.</exception>
    public DuckDBConnection OpenConnection()
    {
        if (!Exists)
        {
            throw new WarehouseUnavailableException(
                $"No warehouse at {Path}. Start the server once (it builds the warehouse from data/seed) or run with --rebuild.");
        }
        var connection = new DuckDBConnection(ConnectionString(Path, ReadOnly));
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new WarehouseUnavailableException(
                $"The warehouse {Path} is in use by another process (DuckDB allows one writer). Stop the running server, or point this command at another file with --warehouse.",
                ex);
        }
        return connection;
    }

    /// <summary>
    /// Holds one connection open until disposed, so DuckDB keeps its database instance (catalogue, buffers) between
    /// units of work. Without it every connection creates and destroys the instance, which costs tens of
    /// milliseconds; a long-running process such as the server should hold one.
    /// </summary>
    public IDisposable KeepOpen() => OpenConnection();

    internal static string ConnectionString(string path, bool readOnly) =>
        readOnly ? $"Data Source={path};ACCESS_MODE=READ_ONLY" : $"Data Source={path}";
}
