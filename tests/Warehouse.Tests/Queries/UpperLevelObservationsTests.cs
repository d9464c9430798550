using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Queries;

/// <summary>
/// The upper levels in memory answer series and pages exactly as SQL answers them, only for the nation, provinces and
/// kabupaten/kota, and never from a data version other than the current one.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class UpperLevelObservationsTests(SeedWarehouseFixture seed)
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
        var memory = new UpperLevelObservations(warehouse);
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
        var memory = new UpperLevelObservations(warehouse);
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
        var (warehouse, held, memory) = WithAKecamatanValue();
        using var holding = held;
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
        var memory = new UpperLevelObservations(warehouse, maxRows: 10);
        memory.Load();
        var reader = new SeriesReader(warehouse, memory);

        var answer = reader.GetObservations("STUNTING", RegionCode.Parse("64"));

        Assert.Null(memory.HeldVersion);
        Assert.Equal(0, memory.Hits);
        Assert.Equal(new SeriesReader(warehouse).GetObservations("STUNTING", RegionCode.Parse("64")), answer);
        Assert.NotEmpty(answer);
    }

    public static TheoryData<string> Pages() =>
        ["a province's stunting", "below the nation, preferred, from 2022", "provinces, whole years", "everything", "two regions and a source",
         "children of a province", "kabupaten and kota, real, up to 2021", "an indicator as typed"];

    private static ObservationFilter Filter(string name) => name switch
    {
        "a province's stunting" => new(Indicators: ["STUNTING"], AncestorCode: RegionCode.Parse("64")),
        "below the nation, preferred, from 2022" => new(AncestorCode: RegionCode.Nation, FromYear: 2022, PreferredOnly: true),
        "provinces, whole years" => new(Levels: [RegionLevel.Province], Granularity: Granularity.Year),
        "everything" => new(),
        "two regions and a source" => new(Regions: [RegionCode.Parse("64.74"), RegionCode.Parse("64")], Sources: ["SEED_BONTANG_2024"]),
        "children of a province" => new(ParentCode: RegionCode.Parse("64")),
        "kabupaten and kota, real, up to 2021" => new(Levels: [RegionLevel.Regency, RegionLevel.City], Synthetic: false, ToYear: 2021),
        "an indicator as typed" => new(Indicators: [" stunting "], AncestorCode: RegionCode.Parse("32")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_in_region_order_equal_what_SQL_answers(string name)
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelObservations(warehouse);
        memory.Load();
        var fromSql = new ObservationSearch(warehouse);
        var fromMemory = new ObservationSearch(warehouse, upperLevels: memory);
        var filter = Filter(name);
        (int Limit, long Offset)[] pages = [(5, 0), (1000, 0), (7, 3), (3, 100_000)];

        foreach (var (limit, offset) in pages)
        {
            var expected = fromSql.Page(filter, ObservationOrder.RegionThenPeriod, limit, offset);
            var actual = fromMemory.Page(filter, ObservationOrder.RegionThenPeriod, limit, offset);
            Assert.Equal(expected.Items, actual.Items);
            Assert.Equal(expected.HasNextPage, actual.HasNextPage);
        }
        Assert.NotEmpty(fromSql.Page(filter, ObservationOrder.RegionThenPeriod, 5, 0).Items);
        Assert.Equal(pages.Length, memory.Hits);
    }

    [Fact]
    public void A_page_that_may_reach_a_kecamatan_with_values_or_another_order_is_read_with_SQL()
    {
        var (warehouse, held, memory) = WithAKecamatanValue();
        using var holding = held;
        var search = new ObservationSearch(warehouse, upperLevels: memory);
        ObservationPageResult Page(ObservationFilter filter, ObservationOrder order = ObservationOrder.RegionThenPeriod) => search.Page(filter, order, 1000, 0);

        Assert.Contains(Page(new(AncestorCode: RegionCode.Parse("64"))).Items, o => o.RegionCode == RegionCode.Parse("64.74.01"));
        Assert.Contains(Page(new(Regions: [RegionCode.Parse("64.74.01")])).Items, o => o.Value == 12.5);
        Assert.Contains(Page(new(Indicators: ["STUNTING"])).Items, o => o.Value == 12.5);
        Assert.NotEmpty(Page(new(Indicators: ["STUNTING"]), ObservationOrder.ValueDescending).Items);
        Assert.Equal(0, memory.Hits);

        Assert.NotEmpty(Page(new(AncestorCode: RegionCode.Parse("32"))).Items); // no kecamatan of Jawa Barat holds values
        Assert.NotEmpty(Page(new(ParentCode: RegionCode.Parse("64"))).Items); // children of a province are kabupaten/kota
        Assert.Equal(2, memory.Hits);
    }

    [Fact]
    public async Task Readiness_says_what_is_held_of_the_current_version_and_starts_loading_a_new_one()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelObservations(warehouse);

        Assert.Equal(UpperLevelHolding.Loading, memory.Readiness().Holding);
        await memory.LoadInBackground(); // the load that readiness started
        var ready = memory.Readiness();
        Assert.Equal(new UpperLevelReadiness(warehouse.CurrentDataVersion(), UpperLevelHolding.Held, UpperRows(warehouse), null), ready);

        new Importer(warehouse).Import([seed.WriteFile("new.csv", """
            indicator,region_code,year,period,value,source_id
            STUNTING,64.74,2031,YEAR,9.5,SEED_BONTANG_2024
            """)]);
        var afterImport = memory.Readiness();
        Assert.Equal((ready.DataVersion + 1, UpperLevelHolding.Loading), (afterImport.DataVersion, afterImport.Holding));
        await memory.LoadInBackground();
        Assert.Equal(new UpperLevelReadiness(ready.DataVersion + 1, UpperLevelHolding.Held, ready.Rows + 1, null), memory.Readiness());
    }

    [Fact]
    public void Readiness_says_when_the_upper_levels_are_read_with_SQL_and_why()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var rows = UpperRows(warehouse);
        var bounded = new UpperLevelObservations(warehouse, maxRows: (int)rows - 1);
        bounded.Load();

        Assert.Equal(new UpperLevelReadiness(warehouse.CurrentDataVersion(), UpperLevelHolding.TooMany, rows, null), bounded.Readiness());
        Assert.Null(bounded.HeldVersion);
        Assert.Equal(UpperLevelHolding.Off, new UpperLevelObservations(warehouse, maxRows: 0).Readiness().Holding);
    }

    /// <summary>The observations of the nation, provinces and kabupaten/kota, counted by SQL.</summary>
    private static long UpperRows(WarehouseDatabase warehouse)
    {
        using var connection = warehouse.OpenConnection();
        return connection.Scalar<long>("SELECT count(*) FROM observations o JOIN regions r ON r.code = o.region_code WHERE r.level IN ('nation', 'province', 'regency', 'city')");
    }

    /// <summary>A seed copy, held open, with a kecamatan value in Kalimantan Timur (12.5), its upper levels loaded.</summary>
    private (WarehouseDatabase Warehouse, IDisposable Held, UpperLevelObservations Memory) WithAKecamatanValue()
    {
        var warehouse = seed.Copy();
        var held = warehouse.KeepOpen();
        new Importer(warehouse).Import([seed.WriteFile("kecamatan.csv", """
            indicator,region_code,year,period,value,source_id
            STUNTING,64.74.01,2024,YEAR,12.5,SEED_BONTANG_2024
            """)]);
        var memory = new UpperLevelObservations(warehouse);
        memory.Load();
        return (warehouse, held, memory);
    }
}
