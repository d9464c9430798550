using Kencana.Server.Hosting;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.Tests.Hosting;

/// <summary>
/// The real server process started on a bad warehouse: it exits with the fault's code after one line that names the
/// path and the fix, with no stack trace and without building a warehouse where none was asked for.
/// </summary>
public sealed class WarehouseStartupTests : IClassFixture<WarehouseStartupTests.Files>
{
    private readonly Files _files;

    public WarehouseStartupTests(Files files) => _files = files;

    [Fact]
    public async Task A_mistyped_path_is_refused_and_nothing_is_built_there()
    {
        var path = _files.PathFor("typo.duckdb");
        var output = await AssertExitAsync(ExitCodes.WarehouseMissing, "--warehouse", path);
        Assert.Contains($"No warehouse at {path}", output);
        Assert.Contains("--create", output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_port_another_process_holds_is_one_line_and_its_exit_code()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        // The generic host logs its own failure (with Kestrel's trace) before ours; the exit code and our line are the contract.
        var (exitCode, output) = await ServerProcess.RunAsync(_files.Directory, "--warehouse", _files.Warehouse, "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(ExitCodes.AddressInUse, exitCode);
        Assert.Contains("Another process listens there", output);
        Assert.Contains("--urls", output);
    }

    [Fact]
    public async Task An_empty_file_is_corrupt()
    {
        var path = _files.Write("empty.duckdb", []);
        var output = await AssertExitAsync(ExitCodes.WarehouseCorrupt, "--warehouse", path);
        Assert.Contains($"The warehouse {path} is not a usable DuckDB database (the file is empty)", output);
        Assert.Contains("--rebuild", output);
    }

    [Fact]
    public async Task Random_bytes_are_corrupt()
    {
        var path = _files.Write("random.duckdb", [.. Enumerable.Range(0, 50_000).Select(i => (byte)(i * 31 % 253))]);
        var output = await AssertExitAsync(ExitCodes.WarehouseCorrupt, "--warehouse", path);
        Assert.Contains("not a DuckDB database file", output);
    }

    [Fact]
    public async Task A_truncated_warehouse_is_corrupt()
    {
        var path = _files.Write("truncated.duckdb", File.ReadAllBytes(_files.Warehouse)[..20_000]);
        var output = await AssertExitAsync(ExitCodes.WarehouseCorrupt, "--warehouse", path);
        Assert.Contains("truncated", output);
    }

    [Fact]
    public async Task A_directory_is_named_as_one()
    {
        var path = _files.PathFor("directory.duckdb");
        Directory.CreateDirectory(path);
        var output = await AssertExitAsync(ExitCodes.WarehouseIsDirectory, "--warehouse", path);
        Assert.Contains($"The warehouse path {path} is a directory", output);
    }

    [Fact]
    public async Task A_warehouse_held_by_another_process_is_locked_and_says_by_whom()
    {
        var path = _files.PathFor("held.duckdb");
        File.Copy(_files.Warehouse, path);
        using (new WarehouseDatabase(path).KeepOpen())
        {
            var output = await AssertExitAsync(ExitCodes.WarehouseLocked, "--warehouse", path);
            Assert.Contains($"The warehouse {path} is locked by another process", output);
            Assert.Contains($"PID {Environment.ProcessId}", output);
        }
    }

    [Fact]
    public async Task A_rebuild_leaves_a_warehouse_held_by_another_process_alone()
    {
        var path = _files.PathFor("held-rebuild.duckdb");
        File.Copy(_files.Warehouse, path);
        var before = File.GetLastWriteTimeUtc(path);
        using (new WarehouseDatabase(path).KeepOpen())
        {
            await AssertExitAsync(ExitCodes.WarehouseLocked, "--warehouse", path, "--rebuild");
            Assert.Equal(before, File.GetLastWriteTimeUtc(path));
            Assert.False(File.Exists(path + ".building"));
        }
    }

    [Fact]
    public async Task A_warehouse_that_cannot_be_created_is_unwritable()
    {
        var file = _files.Write("plain.txt", [1, 2, 3]);
        var path = Path.Combine(file, "kencana.duckdb");
        var output = await AssertExitAsync(ExitCodes.WarehouseUnwritable, "--warehouse", path, "--create");
        Assert.Contains($"{file} is a file, not a directory", output);
    }

    [Fact]
    public void Only_the_default_path_or_create_lets_a_missing_warehouse_be_built()
    {
        Assert.True(new WarehouseOptions().MayCreate);
        Assert.False(new WarehouseOptions { Path = "elsewhere.duckdb" }.MayCreate);
        Assert.True(new WarehouseOptions { Path = "elsewhere.duckdb", Create = true }.MayCreate);
        Assert.Equal(["--Warehouse:Path=x.duckdb", "--Warehouse:Create=true"], ServerArguments.Normalize(["--warehouse", "x.duckdb", "--create"]));
    }

    private Task<string> AssertExitAsync(int expected, params string[] arguments) => ServerProcess.AssertExitAsync(_files.Directory, expected, arguments);

    /// <summary>A directory of test files, with a warehouse built from the seed to damage.</summary>
    public sealed class Files : IDisposable
    {
        public Files()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("kencana-startup-tests-").FullName;
            Warehouse = Path.Combine(Directory, "seed.duckdb");
            SeedLoader.Build(Warehouse, SeedFiles.Open(Path.Combine(AppContext.BaseDirectory, "seed")));
        }

        public string Directory { get; }

        public string Warehouse { get; }

        public string PathFor(string name) => Path.Combine(Directory, $"{Guid.NewGuid():N}-{name}");

        public string Write(string name, byte[] bytes)
        {
            var path = PathFor(name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans temp
            }
        }
    }
}
