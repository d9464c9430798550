using System.Buffers.Binary;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Looks at a warehouse file before DuckDB opens it: that it is a file, that it starts with DuckDB's header, and
/// that it is as long as its header says.
/// </summary>
/// <remarks>
/// DuckDB itself refuses most bad files with an error, but a file cut short inside its last blocks opens and fails
/// only when a query reaches the missing part, long after start-up; and handing native code a file known to be
/// junk gains nothing. The layout read here is DuckDB's storage format 64 (DuckDB 0.10 to 1.5): a 4 KiB main header
/// whose bytes 8 to 11 are "DUCK" and bytes 12 to 19 the format number, then two 4 KiB database headers, each with
/// its iteration at byte 8, block count at byte 32 and block size at byte 40; the one with the higher iteration is
/// current. For any other format number only the magic bytes are checked.
/// </remarks>
internal static class WarehouseFileInspector
{
    private const int HeaderSize = 4096;
    private const int HeadersLength = 3 * HeaderSize;
    private const ulong KnownStorageFormat = 64;

    /// <summary>The fault of the file at <paramref name="path"/>, or null when it looks like a whole DuckDB database.</summary>
    public static WarehouseUnavailableException? Inspect(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return WarehouseUnavailableException.For(WarehouseFault.Directory, path);
        }
        if (!File.Exists(path))
        {
            return WarehouseUnavailableException.For(WarehouseFault.Missing, path);
        }
        byte[] headers;
        long length;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = file.Length;
            headers = new byte[(int)Math.Min(length, HeadersLength)];
            file.ReadExactly(headers);
        }
        catch (UnauthorizedAccessException ex)
        {
            return WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, "permission denied reading it", ex);
        }
        if (length == 0)
        {
            return WarehouseUnavailableException.For(WarehouseFault.Corrupt, path, "the file is empty");
        }
        if (length < 12 || !headers.AsSpan(8, 4).SequenceEqual("DUCK"u8))
        {
            return WarehouseUnavailableException.For(WarehouseFault.Corrupt, path, "it is not a DuckDB database file: it does not start with DuckDB's header");
        }
        if (length < HeadersLength)
        {
            return WarehouseUnavailableException.For(WarehouseFault.Corrupt, path, $"truncated: {length:N0} bytes, shorter than DuckDB's own headers");
        }
        // DuckDB itself leaves files shorter than the header's block count: when the blocks at the end are free (a
        // dropped table), a checkpoint cuts them off the file and the count stays. Such a file ends on a block
        // boundary; a copy cut short mid-block does not, and is caught here before a query reaches the gap.
        if (BinaryPrimitives.ReadUInt64LittleEndian(headers.AsSpan(12, 8)) == KnownStorageFormat && ExpectedLength(headers) is var (expected, blockSize)
            && length < expected && (length - HeadersLength) % blockSize != 0)
        {
            return WarehouseUnavailableException.For(WarehouseFault.Corrupt, path, $"truncated: {length:N0} bytes where its header counts {expected:N0}");
        }
        return null;
    }

    /// <summary>Creates and deletes a file beside the warehouse, as DuckDB will for its write-ahead log.</summary>
    /// <exception cref="WarehouseUnavailableException">The directory takes no new files.</exception>
    public static void ProbeWritable(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var probe = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, $"{directory} takes no new files, and DuckDB writes its log beside the warehouse", ex);
        }
        catch (IOException ex) when (DiskFull.IsCause(ex))
        {
            throw WarehouseUnavailableException.For(WarehouseFault.DiskFull, path, inner: ex);
        }
        catch (IOException ex)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, $"{directory} takes no new files ({ex.Message}), and DuckDB writes its log beside the warehouse", ex);
        }
    }

    /// <summary>The length the current database header implies and its block size, or null when its numbers are implausible.</summary>
    private static (long Length, long BlockSize)? ExpectedLength(byte[] headers)
    {
        var first = headers.AsSpan(HeaderSize, HeaderSize);
        var second = headers.AsSpan(2 * HeaderSize, HeaderSize);
        var current = BinaryPrimitives.ReadUInt64LittleEndian(second[8..]) > BinaryPrimitives.ReadUInt64LittleEndian(first[8..]) ? second : first;
        var blockCount = BinaryPrimitives.ReadUInt64LittleEndian(current[32..]);
        var blockSize = BinaryPrimitives.ReadUInt64LittleEndian(current[40..]);
        var plausible = blockSize is >= HeaderSize and <= 1UL << 30 && ulong.IsPow2(blockSize) && blockCount < 1UL << 32;
        return plausible ? (HeadersLength + (long)(blockCount * blockSize), (long)blockSize) : null;
    }
}
