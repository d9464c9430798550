using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Queries;

/// <summary>
/// A series comes back in the order the API has always promised (year, then the stored sub-period order YEAR, S1-S2,
/// Q1-Q4, M01-M12, the default value before its alternatives, then by source), whatever order the rows were written in.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class SeriesOrderTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void Points_come_in_period_order_with_the_default_first_for_one_region_and_for_a_batch()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("shuffled.csv", """
            indicator,region_code,year,period,value,source_id
            MCPR,64.74,2031,M02,61,SEED_BONTANG_2024
            MCPR,64.74,2031,Q1,62,SEED_BONTANG_2024
            MCPR,64.74,2030,M01,63,SEED_BONTANG_2024
            MCPR,64.74,2031,YEAR,64,SEED_BONTANG_2024
            MCPR,64.74,2031,M01,65,SEED_BONTANG_2024
            MCPR,64.74,2031,S1,66,SEED_BONTANG_2024
            MCPR,64.74,2031,Q2,67,SEED_BONTANG_2024
            """);
        new Importer(warehouse).Import([file]);
        var bontang = RegionCode.Parse("64.74");
        string[] expected = ["2030 M01", "2031 YEAR", "2031 S1", "2031 Q1", "2031 Q2", "2031 M01", "2031 M02"];

        var single = new SeriesReader(warehouse).GetObservations("MCPR", bontang).Where(o => o.Period.Year >= 2030);
        var batch = new SeriesReader(warehouse).GetObservations("MCPR", [bontang, RegionCode.Parse("64")])[bontang].Where(o => o.Period.Year >= 2030);

        Assert.Equal(expected, single.Select(o => $"{o.Period.Year} {Period.CodeOf(o.Period.Sub)}"));
        Assert.Equal(expected, batch.Select(o => $"{o.Period.Year} {Period.CodeOf(o.Period.Sub)}"));
    }

    [Fact]
    public void Where_sources_disagree_the_default_value_comes_first_then_the_others_by_source()
    {
        var all = new SeriesReader(seed.Database).GetObservations("STUNTING", RegionCode.Parse("64.07")); // Kutai Barat: two sources for 2024
        var disputed = all.GroupBy(o => o.Period).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(disputed);
        foreach (var period in disputed)
        {
            Assert.True(period.First().IsDefault, $"{period.Key}: the default value comes first");
            var others = period.Skip(1).Select(o => o.SourceId).ToList();
            Assert.Equal(others.Order(StringComparer.Ordinal), others);
        }
    }
}
