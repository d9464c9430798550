using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

/// <summary>
/// The data version comes from memory while the warehouse is held open, and never lags a write: every caller that
/// commits a version moves it on, and a file nobody holds is read afresh.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class DataVersionClockTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void A_held_warehouse_answers_its_version_without_a_statement_and_an_import_moves_it_on()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var before = warehouse.CurrentDataVersion();

        var statements = WarehouseStatistics.BeginCounting();
        Assert.Equal(before, warehouse.CurrentDataVersion());
        Assert.Equal(0, statements.Count);

        var file = seed.WriteFile("one.csv", """
            indicator,region_code,year,period,value,source_id
            MCPR,64.74,2030,YEAR,70.5,SEED_BONTANG_2024
            """);
        new Importer(warehouse).Import([file]);

        Assert.Equal(before + 1, warehouse.CurrentDataVersion());
        Assert.Equal(before + 1, new WarehouseDatabase(warehouse.Path).CurrentDataVersion()); // another handle on the same file agrees
    }

    [Fact]
    public void A_direct_write_is_seen_once_announced_and_an_unheld_file_is_always_read()
    {
        var warehouse = seed.Copy();
        var before = warehouse.CurrentDataVersion();
        using (var held = warehouse.KeepOpen())
        {
            Assert.Equal(before, warehouse.CurrentDataVersion());
            AddVersion(warehouse);
            warehouse.DataVersionAdvanced();
            Assert.Equal(before + 1, warehouse.CurrentDataVersion());
        }

        AddVersion(warehouse); // nobody holds the file now, so nothing needs announcing
        Assert.Equal(before + 2, warehouse.CurrentDataVersion());
    }

    private static void AddVersion(WarehouseDatabase warehouse)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_versions SELECT max(version) + 1, now()::TIMESTAMP, 'test', 'direct', NULL, NULL, 0, 0, 0 FROM data_versions";
        command.ExecuteNonQuery();
    }
}
