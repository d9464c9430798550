using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Rollup;

/// <summary>
/// The roll-ups of the nation and of a province take their values from the upper levels in memory; they must equal
/// the roll-ups read with SQL in every part, and a kabupaten/kota's (children: kecamatan) must stay on SQL.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class RollupFromMemoryTests(SeedWarehouseFixture seed)
{
    public static TheoryData<string, string, int, string, bool> Cases() => new()
    {
        { "STUNTING", "64", 2025, "Q1", true },     // a weighted mean, one child without a denominator, a published value
        { "STUNTING", "0", 2025, "Q1", true },      // the nation from provinces, some with denominators
        { "STUNTING", "0", 2022, "YEAR", true },    // the seed's provinces: values without denominators, refused
        { "KAMPUNG_KB_FACILITATED", "64", 2022, "S2", true }, // a count, summed
        { "TFR", "64", 2020, "YEAR", true },        // not additive: refused, the published value shown
        { "STUNTING", "64", 2031, "YEAR", true },   // no values at all
        { "STUNTING", "64.74", 2025, "Q1", false }, // children are kecamatan: SQL
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rollup_from_memory_equals_the_rollup_read_with_SQL(string indicator, string parent, int year, string period, bool fromMemory)
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("rollup-values.csv", """
            indicator,region_code,year,period,value,numerator,denominator,source_id
            STUNTING,64.01,2025,Q1,20,40,200,S36
            STUNTING,64.02,2025,Q1,30,90,300,S36
            STUNTING,64.03,2025,Q1,10,,,S36
            STUNTING,64,2025,Q1,21,,,S36
            STUNTING,11,2025,Q1,25,50,200,S36
            STUNTING,12,2025,Q1,15,30,200,S36
            STUNTING,0,2025,Q1,22,,,S36
            KAMPUNG_KB_FACILITATED,64.01,2022,S2,3,,,S36
            KAMPUNG_KB_FACILITATED,64.72,2022,S2,4,,,S36
            """)]);
        using var open = warehouse.KeepOpen();
        var memory = new UpperLevelObservations(warehouse);
        memory.Load();
        var at = new Period(year, Period.SubPeriodFromCode(period));

        var sql = new RollupCalculator(warehouse).Rollup(indicator, RegionCode.Parse(parent), at);
        var fromHeld = new RollupCalculator(warehouse, memory).Rollup(indicator, RegionCode.Parse(parent), at);

        Assert.Equal(fromMemory ? 1 : 0, memory.Hits);
        Assert.Equal(sql.Value, fromHeld.Value);
        Assert.Equal(sql.RefusalReason, fromHeld.RefusalReason);
        Assert.Equal(sql.ExpectedChildren, fromHeld.ExpectedChildren);
        Assert.Equal(sql.Contributions, fromHeld.Contributions);
        Assert.Equal(sql.MissingChildren, fromHeld.MissingChildren);
        Assert.Equal(sql.ChildrenWithoutDenominator, fromHeld.ChildrenWithoutDenominator);
        Assert.Equal(sql.TotalDenominator, fromHeld.TotalDenominator);
        Assert.Equal(sql.Published, fromHeld.Published);
        Assert.True(sql.ExpectedChildren >= 3, "the parent has children to roll up");
    }
}
