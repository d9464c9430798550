namespace Kencana.Warehouse.Storage;

/// <summary>Why a warehouse file cannot be used; each has its own fix, so callers report them apart.</summary>
public enum WarehouseFault
{
    /// <summary>No file at the path.</summary>
    Missing,

    /// <summary>The path names a directory.</summary>
    Directory,

    /// <summary>The file is not a DuckDB database, or is truncated or damaged.</summary>
    Corrupt,

    /// <summary>Another process holds DuckDB's lock on the file.</summary>
    Locked,

    /// <summary>The file or its directory cannot be written (permission denied, read-only file system).</summary>
    Unwritable,

    /// <summary>The device holding the file has no space left.</summary>
    DiskFull,

    /// <summary>
    /// The file is a DuckDB database this version cannot use in place: written by a newer Kencana, by an older one
    /// with no migration path, or not a Kencana warehouse at all.
    /// </summary>
    SchemaUnsupported,
}
