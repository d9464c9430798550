using System.Text.RegularExpressions;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Tells DuckDB's file errors apart by their text, which is all DuckDB gives: every one arrives as an "IO Error".
/// </summary>
/// <remarks>
/// Each pattern is DuckDB 1.5's wording, seen on a real file of that kind; matching whole phrases keeps a checksum
/// error "in block at location" from passing for a lock, as a bare "lock" once did. Text that fits no pattern is
/// left unclassified rather than guessed at.
/// </remarks>
internal static partial class DuckDBFileErrors
{
    public static (WarehouseFault Fault, string? Detail)? Classify(string message)
    {
        if (LockHeld().Match(message) is { Success: true } held)
        {
            return (WarehouseFault.Locked, $"held by {held.Groups["program"].Value}, PID {held.Groups["pid"].Value}");
        }
        if (message.Contains("Could not set lock on file", StringComparison.Ordinal))
        {
            return (WarehouseFault.Locked, "DuckDB could not take the file's lock");
        }
        if (message.Contains("but it is not a valid DuckDB database file", StringComparison.Ordinal))
        {
            return (WarehouseFault.Corrupt, "it is not a DuckDB database file");
        }
        if (ChecksumMismatch().Match(message) is { Success: true } checksum)
        {
            return (WarehouseFault.Corrupt, $"checksum mismatch in the block at byte {checksum.Groups["at"].Value}");
        }
        if (ShortRead().Match(message) is { Success: true } shortRead)
        {
            return (WarehouseFault.Corrupt, $"truncated: DuckDB found no data at byte {shortRead.Groups["at"].Value}");
        }
        if (message.Contains("No space left on device", StringComparison.Ordinal))
        {
            return (WarehouseFault.DiskFull, "no space left on device");
        }
        if (message.Contains(": Is a directory", StringComparison.Ordinal))
        {
            return (WarehouseFault.Directory, "it is a directory");
        }
        foreach (var reason in UnwritableReasons)
        {
            if (message.Contains(": " + reason, StringComparison.Ordinal))
            {
                return (WarehouseFault.Unwritable, reason.ToLowerInvariant());
            }
        }
        if (message.Contains(": No such file or directory", StringComparison.Ordinal)
            || message.Contains("in read-only mode: database does not exist", StringComparison.Ordinal))
        {
            return (WarehouseFault.Missing, null);
        }
        return null;
    }

    /// <summary>strerror texts of EACCES, EPERM, EROFS and ENOTDIR, which DuckDB appends to "Cannot open file".</summary>
    private static readonly string[] UnwritableReasons = ["Permission denied", "Operation not permitted", "Read-only file system", "Not a directory"];

    [GeneratedRegex(@"Conflicting lock is held in (?<program>.+?) \(PID (?<pid>\d+)\)")]
    private static partial Regex LockHeld();

    [GeneratedRegex(@"Corrupt database file: computed checksum \d+ does not match stored checksum \d+ in block at location (?<at>\d+)")]
    private static partial Regex ChecksumMismatch();

    [GeneratedRegex(@"Could not read enough bytes from file "".*"": attempted to read \d+ bytes from location (?<at>\d+)")]
    private static partial Regex ShortRead();
}
