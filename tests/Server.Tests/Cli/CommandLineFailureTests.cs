using Kencana.Server.Tests.Hosting;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.Tests.Cli;

/// <summary>
/// The commands run as the real process: every failure ends in lines that name the file and the fix, and an exit
/// code per kind of failure, never a stack trace.
/// </summary>
public sealed class CommandLineFailureTests : IClassFixture<WarehouseStartupTests.Files>
{
    private readonly WarehouseStartupTests.Files _files;

    public CommandLineFailureTests(WarehouseStartupTests.Files files) => _files = files;

    [Fact]
    public async Task Import_reports_each_structural_error_once_beside_the_row_errors()
    {
        var warehouse = CopyOfWarehouse();
        var csv = _files.Write("mixed.csv", System.Text.Encoding.UTF8.GetBytes("""
            indicator,region_code,year,period,value,source_id
            MCPR,64.74,2022,YEAR,55,S36,extra
            MCPR,99.99,2022,YEAR,55,S36
            MCPR,64.74
            """));

        var output = await AssertExitAsync(ExitCodes.ImportRejected, "import", csv, "--warehouse", warehouse);

        var name = Path.GetFileName(csv);
        Assert.Contains("Import failed with 3 error(s); the warehouse is unchanged.", output);
        Assert.Single(Lines(output), l => l.StartsWith($"  {name}:2: too many columns", StringComparison.Ordinal));
        Assert.Single(Lines(output), l => l.StartsWith($"  {name}:3: column 'region_code': unknown region code '99.99'", StringComparison.Ordinal));
        Assert.Single(Lines(output), l => l.StartsWith($"  {name}:4: missing columns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_of_a_damaged_Parquet_file_is_one_line_naming_it()
    {
        var parquet = _files.Write("damaged.parquet", [.. "PAR1"u8.ToArray(), .. Enumerable.Repeat((byte)7, 500)]);

        var output = await AssertExitAsync(ExitCodes.ImportRejected, "import", parquet, "--warehouse", CopyOfWarehouse());

        Assert.Single(Lines(output), l => l.Contains($"{Path.GetFileName(parquet)}: DuckDB could not read the file as Parquet", StringComparison.Ordinal) && l.EndsWith("export or download it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_into_a_mistyped_warehouse_is_refused()
    {
        var csv = _files.Write("any.csv", "indicator,region_code,year,period,value,source_id\n"u8.ToArray());
        var path = _files.PathFor("typo.duckdb");
        var output = await AssertExitAsync(ExitCodes.WarehouseMissing, "import", csv, "--warehouse", path);
        Assert.Contains("--create", output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Import_into_a_warehouse_held_by_another_process_is_locked()
    {
        var warehouse = CopyOfWarehouse();
        var csv = _files.Write("any.csv", "indicator,region_code,year,period,value,source_id\nTFR,64.74,2021,YEAR,2.1,S36\n"u8.ToArray());
        using (new WarehouseDatabase(warehouse).KeepOpen())
        {
            var output = await AssertExitAsync(ExitCodes.WarehouseLocked, "import", csv, "--warehouse", warehouse);
            Assert.Contains($"PID {Environment.ProcessId}", output);
        }
    }

    [Fact]
    public async Task Forecast_on_random_bytes_is_corrupt()
    {
        var path = _files.Write("random.duckdb", [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i % 199))]);
        var output = await AssertExitAsync(ExitCodes.WarehouseCorrupt, "forecast", "--indicator", "STUNTING", "--region", "64.74", "--warehouse", path);
        Assert.Contains($"The warehouse {path} is not a usable DuckDB database", output);
    }

    [Fact]
    public async Task Backtest_on_a_directory_names_it()
    {
        var path = _files.PathFor("dir.duckdb");
        Directory.CreateDirectory(path);
        await AssertExitAsync(ExitCodes.WarehouseIsDirectory, "backtest", "--indicator", "STUNTING", "--warehouse", path);
    }

    [Fact]
    public async Task Generate_into_a_directory_names_the_out_option()
    {
        var path = _files.PathFor("out.duckdb");
        Directory.CreateDirectory(path);
        var output = await AssertExitAsync(ExitCodes.WarehouseIsDirectory, "generate", "--level", "province", "--years", "2024", "--out", path);
        Assert.Contains("--out", output);
    }

    [Fact]
    public async Task A_full_disk_is_named_as_one()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full, a device that is always full, is Linux's
        }
        var output = await AssertExitAsync(ExitCodes.DiskFull, "schema", "--out", "/dev/full");
        Assert.Contains("No space left on device", output);
    }

    private string CopyOfWarehouse()
    {
        var path = _files.PathFor("warehouse.duckdb");
        File.Copy(_files.Warehouse, path);
        return path;
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r'));

    private Task<string> AssertExitAsync(int expected, params string[] arguments) => ServerProcess.AssertExitAsync(_files.Directory, expected, arguments);
}
