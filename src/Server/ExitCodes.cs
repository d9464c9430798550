using Kencana.Warehouse.Storage;

namespace Kencana.Server;

/// <summary>
/// The exit codes of the server and its commands, one per kind of failure, so that scripts and service managers can
/// tell a locked warehouse (wait and retry) from a damaged one (restore) without parsing messages. README.md lists them.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>An import found errors in its files and changed nothing.</summary>
    public const int ImportRejected = 1;

    /// <summary>The command line asks for something that cannot be done (an unknown option value, indicator, region).</summary>
    public const int Usage = 2;

    /// <summary>No warehouse file at the path given.</summary>
    public const int WarehouseMissing = 10;

    /// <summary>The warehouse path is a directory.</summary>
    public const int WarehouseIsDirectory = 11;

    /// <summary>The warehouse file is not a DuckDB database, or is truncated or damaged.</summary>
    public const int WarehouseCorrupt = 12;

    /// <summary>Another process holds the warehouse's lock.</summary>
    public const int WarehouseLocked = 13;

    /// <summary>The warehouse or its directory cannot be written.</summary>
    public const int WarehouseUnwritable = 14;

    /// <summary>The disk is full.</summary>
    public const int DiskFull = 15;

    /// <summary>Another file the command reads or writes (an --out file, say) cannot be used.</summary>
    public const int FileUnusable = 16;

    /// <summary>An address the server should listen on is taken by another process.</summary>
    public const int AddressInUse = 17;

    /// <summary>The warehouse was written by a newer Kencana, or by an older one that cannot be migrated, or is not a Kencana warehouse.</summary>
    public const int WarehouseSchemaUnsupported = 18;

    /// <summary>An error the program does not expect: a bug to report.</summary>
    public const int Unexpected = 70;

    /// <summary>The exit code of a warehouse fault.</summary>
    public static int For(WarehouseFault fault) => fault switch
    {
        WarehouseFault.Missing => WarehouseMissing,
        WarehouseFault.Directory => WarehouseIsDirectory,
        WarehouseFault.Corrupt => WarehouseCorrupt,
        WarehouseFault.Locked => WarehouseLocked,
        WarehouseFault.Unwritable => WarehouseUnwritable,
        WarehouseFault.DiskFull => DiskFull,
        WarehouseFault.SchemaUnsupported => WarehouseSchemaUnsupported,
        _ => Unexpected,
    };
}
