namespace Kencana.Warehouse.Storage;

/// <summary>The warehouse file cannot be used; the message is one line naming the path and the fix.</summary>
public sealed class WarehouseUnavailableException : Exception
{
    /// <summary>Creates the exception for a fault at a path, with a message that names the fix.</summary>
    /// <param name="fault">What is wrong.</param>
    /// <param name="path">The full path of the warehouse file.</param>
    /// <param name="message">One line: what is wrong with the path and what to do.</param>
    /// <param name="inner">The error that revealed the fault, if any.</param>
    public WarehouseUnavailableException(WarehouseFault fault, string path, string message, Exception? inner = null) : base(message, inner)
    {
        Fault = fault;
        Path = path;
    }

    /// <summary>What is wrong with the file.</summary>
    public WarehouseFault Fault { get; }

    /// <summary>The full path of the warehouse file.</summary>
    public string Path { get; }

    /// <summary>The exception for a fault, with the standard wording of what is wrong and how to fix it.</summary>
    /// <param name="fault">What is wrong.</param>
    /// <param name="path">The warehouse file.</param>
    /// <param name="detail">What exactly was found, for example DuckDB's reason; shown in parentheses.</param>
    /// <param name="inner">The error that revealed the fault, if any.</param>
    /// <param name="pathOption">The command-line option that names the file, for the fix.</param>
    public static WarehouseUnavailableException For(WarehouseFault fault, string path, string? detail = null, Exception? inner = null, string pathOption = "--warehouse")
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full) ?? full;
        var why = string.IsNullOrWhiteSpace(detail) ? "" : $" ({detail})";
        var message = fault switch
        {
            WarehouseFault.Missing =>
                $"No warehouse at {full}{why}: check the path, or add --create to build a new warehouse there from the seed.",
            WarehouseFault.Directory =>
                $"The warehouse path {full} is a directory, not a DuckDB file: name a file, for example {pathOption} {System.IO.Path.Combine(full, "kencana.duckdb")}.",
            WarehouseFault.Corrupt =>
                $"The warehouse {full} is not a usable DuckDB database{why}: restore it from a backup, or rebuild it from the seed with --rebuild (data imported into it is lost).",
            WarehouseFault.Locked =>
                $"The warehouse {full} is locked by another process{why}: stop that process (DuckDB allows one writer per file), or point {pathOption} at another file.",
            WarehouseFault.Unwritable =>
                $"The warehouse {full} cannot be written{why}: {(System.IO.Directory.Exists(directory) ? $"make {directory} writable for this user" : "name a path whose directory can be created")}, or point {pathOption} at a writable location.",
            WarehouseFault.DiskFull =>
                $"No space left on the device holding {full}{why}: free some space there, or point {pathOption} at another disk.",
            WarehouseFault.SchemaUnsupported =>
                $"The warehouse {full} cannot be used by this version of Kencana{why}: run the Kencana version that wrote it, or rebuild it from the seed with --rebuild (data imported into it is lost), or point {pathOption} at another file.",
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        return new WarehouseUnavailableException(fault, full, message, inner);
    }
}
