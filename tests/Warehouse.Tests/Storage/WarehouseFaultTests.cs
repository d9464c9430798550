using DuckDB.NET.Data;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

/// <summary>Real bad files, each refused as the fault it is, with a message that names the path and the fix.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class WarehouseFaultTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void An_empty_file_is_corrupt()
    {
        var path = seed.WriteFile("empty.duckdb", "");
        var fault = AssertFault(WarehouseFault.Corrupt, path, () => Open(path));
        Assert.Contains("the file is empty", fault.Message);
        Assert.Contains("--rebuild", fault.Message);
    }

    [Fact]
    public void Random_bytes_are_not_a_DuckDB_file()
    {
        var path = seed.TempPath("random.duckdb");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7919 % 251))]);
        var fault = AssertFault(WarehouseFault.Corrupt, path, () => Open(path));
        Assert.Contains("not a DuckDB database file", fault.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(5_000)]
    [InlineData(20_000)]
    public void A_warehouse_cut_short_is_corrupt(int length)
    {
        var path = Truncated(length);
        var fault = AssertFault(WarehouseFault.Corrupt, path, () => Open(path));
        Assert.Contains("--rebuild", fault.Message);
    }

    [Fact]
    public void A_warehouse_missing_only_its_last_block_is_caught_before_a_query_reaches_the_gap()
    {
        var length = new FileInfo(seed.Path).Length;
        var path = Truncated(length - 4096);

        var fault = AssertFault(WarehouseFault.Corrupt, path, () => Open(path));

        Assert.Contains($"truncated: {length - 4096:N0} bytes where its header counts {length:N0}", fault.Message);
    }

    [Fact]
    public void A_file_whose_free_blocks_at_the_end_DuckDB_cut_off_is_not_called_truncated()
    {
        // After a dropped table DuckDB's checkpoint cuts free blocks off the end and keeps the header's block count:
        // the file then ends on a block boundary, short of what the header counts (found on an 87M-row warehouse).
        var path = seed.TempPath("shrunk.duckdb");
        File.Copy(seed.Path, path);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            var headers = new byte[3 * 4096];
            file.ReadExactly(headers);
            var current = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(headers.AsSpan(2 * 4096 + 8)) >
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(headers.AsSpan(4096 + 8)) ? 2 * 4096 : 4096;
            var blocks = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(headers.AsSpan(current + 32));
            var counted = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(counted, blocks + 1);
            file.Position = current + 32;
            file.Write(counted);
        }

        Assert.Null(WarehouseFileInspector.Inspect(path));
    }

    [Fact]
    public void A_checksum_error_is_corruption_not_a_lock()
    {
        // The old test for a lock was the word "lock", which DuckDB's "in block at location" contains.
        var path = seed.TempPath("checksum.duckdb");
        File.Copy(seed.Path, path);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4200;
            file.Write([0xFF, 0xFF, 0xFF, 0xFF]);
        }
        var fault = AssertFault(WarehouseFault.Corrupt, path, () => Open(path));
        Assert.Contains("checksum mismatch in the block at byte 4096", fault.Message);
    }

    [Fact]
    public void A_directory_is_named_as_one()
    {
        var path = seed.TempPath("dir.duckdb");
        Directory.CreateDirectory(path);
        var fault = AssertFault(WarehouseFault.Directory, path, () => Open(path));
        Assert.Contains(Path.Combine(path, "kencana.duckdb"), fault.Message);
    }

    [Fact]
    public void A_missing_file_is_not_built_unless_creation_is_allowed()
    {
        var path = seed.TempPath("typo.duckdb");
        var fault = AssertFault(WarehouseFault.Missing, path, () => SeedLoader.EnsureBuilt(path, RepositoryPaths.Seed, rebuild: false, createIfMissing: false));
        Assert.Contains("--create", fault.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_path_under_a_file_cannot_be_created()
    {
        var file = seed.WriteFile("plain.txt", "not a directory");
        var path = Path.Combine(file, "kencana.duckdb");
        var fault = AssertFault(WarehouseFault.Unwritable, path, () => SeedLoader.EnsureBuilt(path, RepositoryPaths.Seed, rebuild: false));
        Assert.Contains($"{file} is a file, not a directory", fault.Message);
    }

    [Fact]
    public void A_read_only_directory_is_unwritable_even_for_an_existing_warehouse()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName == "root")
        {
            return; // root writes through a directory's mode bits, so only another user can see this fault
        }
        var directory = seed.TempPath("read-only");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "kencana.duckdb");
        File.Copy(seed.Path, path);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var fault = AssertFault(WarehouseFault.Unwritable, path, () => Open(path));
            Assert.Contains($"make {directory} writable", fault.Message);
        }
        finally
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void DuckDBs_own_disk_full_error_is_recognised()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full, a device that is always full, is Linux's
        }
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "COPY (SELECT range FROM range(100000)) TO '/dev/full' (FORMAT csv)";
        var error = Assert.Throws<DuckDBException>(() => command.ExecuteNonQuery());

        Assert.Equal(WarehouseFault.DiskFull, DuckDBFileErrors.Classify(error.Message)?.Fault);
    }

    [Theory]
    [InlineData("IO Error: Could not set lock on file \"/w/k.duckdb\": Conflicting lock is held in /usr/share/dotnet/dotnet (PID 7962). See also https://duckdb.org/docs/stable/connect/concurrency", WarehouseFault.Locked, "held by /usr/share/dotnet/dotnet, PID 7962")]
    [InlineData("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 4096", WarehouseFault.Corrupt, "block at byte 4096")]
    [InlineData("IO Error: Cannot open file \"/w/k.duckdb\": Permission denied", WarehouseFault.Unwritable, "permission denied")]
    [InlineData("IO Error: Cannot open file \"/w/k.duckdb\": Read-only file system", WarehouseFault.Unwritable, "read-only file system")]
    [InlineData("IO Error: Cannot open file \"/w/k.duckdb\": Operation not permitted", WarehouseFault.Unwritable, "operation not permitted")]
    public void DuckDBs_file_errors_are_told_apart_by_their_exact_text(string message, WarehouseFault fault, string detail)
    {
        // Texts seen from DuckDB 1.5 on a file locked by another process, with a damaged header, in a directory
        // that refused the write (chmod for another user, chattr +i and a read-only bind mount for root).
        var classified = DuckDBFileErrors.Classify(message);
        Assert.Equal(fault, classified?.Fault);
        Assert.Contains(detail, classified?.Detail);
    }

    [Fact]
    public void A_rebuild_replaces_a_damaged_warehouse()
    {
        var path = seed.WriteFile("damaged.duckdb", "not a database");

        var outcome = SeedLoader.EnsureBuilt(path, RepositoryPaths.Seed, rebuild: true, createIfMissing: false);

        Assert.True(outcome.Built);
        Open(path);
    }

    [Fact]
    public void A_good_warehouse_passes_the_checks()
    {
        var copy = seed.Copy();
        copy.Verify();
        using var connection = copy.OpenConnection();
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
    }

    private static void Open(string path)
    {
        var database = new WarehouseDatabase(path);
        database.Verify();
        using var connection = database.OpenConnection();
    }

    private static WarehouseUnavailableException AssertFault(WarehouseFault expected, string path, Action action)
    {
        var fault = Assert.Throws<WarehouseUnavailableException>(action);
        Assert.Equal(expected, fault.Fault);
        Assert.Equal(Path.GetFullPath(path), fault.Path);
        Assert.Contains(Path.GetFullPath(path), fault.Message);
        Assert.DoesNotContain('\n', fault.Message);
        return fault;
    }

    private string Truncated(long length)
    {
        var path = seed.TempPath($"cut-{length}.duckdb");
        using var source = File.OpenRead(seed.Path);
        using var target = File.Create(path);
        var buffer = new byte[length];
        source.ReadExactly(buffer);
        target.Write(buffer);
        return path;
    }
}
