using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

/// <summary>A warehouse held open with file access limited refuses everything outside its granted directories.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class ExternalAccessTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void Files_outside_the_granted_directory_extensions_and_settings_are_refused()
    {
        var database = seed.Copy();
        var granted = seed.TempPath("exports");
        Directory.CreateDirectory(granted);
        var outside = seed.WriteFile("outside.csv", "a,b\n1,2\n");

        using var held = database.KeepOpen([granted]);
        using var connection = database.OpenConnection();

        Refused(connection, $"SELECT * FROM read_csv('{outside}')", "Permission Error");
        Refused(connection, $"COPY (SELECT 1) TO '{granted}-other/x.csv'", "Permission Error");
        Refused(connection, "INSTALL httpfs", "Permission Error");
        Refused(connection, "SET enable_external_access = true", "the configuration has been locked");
        var inside = Path.Combine(granted, "x.parquet");
        Assert.Equal(1, connection.Execute($"COPY (SELECT 1 AS one) TO '{inside}' (FORMAT parquet)"));
        Assert.Equal(1, connection.Scalar<int>($"SELECT one FROM read_parquet('{inside}')"));
        Assert.Equal(458, connection.Scalar<long>("SELECT count(*) FROM observations"));
    }

    private static void Refused(DuckDBConnection connection, string sql, string expected)
    {
        var error = Assert.Throws<DuckDBException>(() => connection.Execute(sql));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_memory_limit_and_threads_are_set_before_the_configuration_is_locked_and_a_malformed_limit_is_refused()
    {
        var database = seed.Copy();
        using (var held = database.KeepOpen([], "1GiB", threads: 1))
        {
            using var connection = database.OpenConnection();
            Assert.Equal("1.0 GiB", connection.Scalar<string>("SELECT current_setting('memory_limit')"));
            Assert.Equal(1, connection.Scalar<long>("SELECT current_setting('threads')"));
            Refused(connection, "SET memory_limit = '100GB'", "the configuration has been locked");
        }

        var refused = Assert.Throws<ArgumentException>(() => seed.Copy().KeepOpen([], "1GB'; SET enable_external_access = true; --"));
        Assert.Contains("4GiB", refused.Message);
    }
}
