using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Queries;

/// <summary>
/// The upper levels' series in memory answer exactly what SQL answers, only for the nation, provinces and
/// kabupaten/kota, and never from a data version other than the current one.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class UpperLevelSeriesTests(SeedWarehouseFixture seed)
{
    private static readonly RegionCode[] Regions =
        [RegionCode.Nation, RegionCode.Parse("64"), RegionCode.Parse("64.74"), RegionCode.Parse("32.01"), RegionCode.Parse("11")];

    [Theory]
    [InlineData("STUNTING", false)]
    [InlineData("STUNTING", true)]
    [InlineData("UNMET_NEED", false)]
    [InlineData("MCPR", true)]
    [InlineData("stunting", false)] // codes are matched as written, as the SQL matches them
    public void Every_series_and_batch_equals_what_SQL_answers(string indicator, bool defaultOnly)
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelSeries(warehouse);
        memory.Load();
        var fromSql = new SeriesReader(warehouse);
        var fromMemory = new SeriesReader(warehouse, memory);

        foreach (var region in Regions)
        {
            Assert.Equal(fromSql.GetObservations(indicator, region, defaultOnly), fromMemory.GetObservations(indicator, region, defaultOnly));
        }
        var batchFromSql = fromSql.GetObservations(indicator, Regions, defaultOnly);
        var batchFromMemory = fromMemory.GetObservations(indicator, Regions, defaultOnly);

        Assert.Equal(Regions.Length + 1, memory.Hits);
        Assert.Equal(warehouse.CurrentDataVersion(), memory.HeldVersion);
        Assert.Equal(batchFromSql.Select(g => g.Key).Order(), batchFromMemory.Select(g => g.Key).Order());
        foreach (var group in batchFromSql)
        {
            Assert.Equal(group, batchFromMemory[group.Key]);
        }
        // The seed has values for these regions, so the comparison compares something; a code in lower case finds none.
        Assert.Equal(!indicator.Any(char.IsLower), batchFromMemory.Any(g => g.Any()));
    }

    [Fact]
    public async Task After_an_import_the_new_values_are_answered_at_once_and_memory_catches_up()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelSeries(warehouse);
        memory.Load();
        var reader = new SeriesReader(warehouse, memory);
        var bontang = RegionCode.Parse("64.74");
        Assert.DoesNotContain(reader.GetObservations("STUNTING", bontang), o => o.Period.Year == 2031);

        new Importer(warehouse).Import([seed.WriteFile("new.csv", """
            indicator,region_code,year,period,value,source_id
            STUNTING,64.74,2031,YEAR,9.5,SEED_BONTANG_2024
            """)]);
        var after = reader.GetObservations("STUNTING", bontang);

        Assert.Equal(1, memory.Hits); // the older version in memory was not used
        Assert.Contains(after, o => o.Period.Year == 2031 && o.Value == 9.5);

        await memory.LoadInBackground();
        var reloaded = reader.GetObservations("STUNTING", bontang);
        Assert.Equal(2, memory.Hits);
        Assert.Equal(warehouse.CurrentDataVersion(), memory.HeldVersion);
        Assert.Equal(after, reloaded);
    }

    [Fact]
    public void A_kecamatan_or_a_batch_holding_one_is_answered_by_SQL()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        new Importer(warehouse).Import([seed.WriteFile("kecamatan.csv", """
            indicator,region_code,year,period,value,source_id
            STUNTING,64.74.01,2024,YEAR,12.5,SEED_BONTANG_2024
            """)]);
        var memory = new UpperLevelSeries(warehouse);
        memory.Load();
        var reader = new SeriesReader(warehouse, memory);
        var kecamatan = RegionCode.Parse("64.74.01");

        var single = reader.GetObservations("STUNTING", kecamatan);
        var batch = reader.GetObservations("STUNTING", [RegionCode.Parse("64.74"), kecamatan]);

        Assert.Equal(0, memory.Hits);
        Assert.Equal(12.5, Assert.Single(single).Value);
        Assert.Equal(12.5, Assert.Single(batch[kecamatan]).Value);
        Assert.NotEmpty(batch[RegionCode.Parse("64.74")]);
    }

    [Fact]
    public void Upper_levels_larger_than_the_bound_are_not_held_and_answered_by_SQL()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelSeries(warehouse, maxRows: 10);
        memory.Load();
        var reader = new SeriesReader(warehouse, memory);

        var answer = reader.GetObservations("STUNTING", RegionCode.Parse("64"));

        Assert.Null(memory.HeldVersion);
        Assert.Equal(0, memory.Hits);
        Assert.Equal(new SeriesReader(warehouse).GetObservations("STUNTING", RegionCode.Parse("64")), answer);
        Assert.NotEmpty(answer);
    }
}
