using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Rollup;

[Collection(SeedWarehouseGroup.Name)]
public class RollupCalculatorTests(SeedWarehouseFixture seed)
{
    private static readonly RegionCode Kaltim = RegionCode.Parse("64");

    [Fact]
    public void Rates_roll_up_as_a_mean_weighted_by_denominators_never_a_plain_average()
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("children.csv", """
            indicator,region_code,year,period,value,numerator,denominator,source_id
            STUNTING,64.01,2025,Q1,20,40,200,S36
            STUNTING,64.02,2025,Q1,30,90,300,S36
            STUNTING,64.03,2025,Q1,10,10,100,S36
            """)]);

        var result = new RollupCalculator(warehouse).Rollup("STUNTING", Kaltim, new Period(2025, SubPeriod.Q1));

        // (40 + 90 + 10) / (200 + 300 + 100) = 23.33%, where the plain average of 20, 30 and 10 would say 20%.
        Assert.Equal(100.0 * 140 / 600, result.Value!.Value, precision: 10);
        Assert.Equal(600, result.TotalDenominator);
        Assert.Equal(RollupRule.WeightedMean, result.Rule);
        Assert.Equal(10, result.ExpectedChildren);
        Assert.Equal(3, result.Contributions.Count);
        Assert.Equal(["64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"], result.MissingChildren.Select(c => c.Value));
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Counts_add_up()
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("counts.csv", """
            indicator,region_code,year,period,value,source_id
            KAMPUNG_KB_FACILITATED,64.01,2022,S2,3,S36
            KAMPUNG_KB_FACILITATED,64.72,2022,S2,4,S36
            KAMPUNG_KB_FACILITATED,64.74,2022,S2,5,S36
            """)]);
        var result = new RollupCalculator(warehouse).Rollup("KAMPUNG_KB_FACILITATED", Kaltim, new Period(2022, SubPeriod.S2));
        Assert.Equal(12, result.Value);
        Assert.Null(result.RefusalReason);
    }

    [Fact]
    public void TFR_is_refused_with_a_reason_and_the_published_value_is_shown_instead()
    {
        var result = new RollupCalculator(seed.Database).Rollup("TFR", Kaltim, new Period(2020));
        Assert.Null(result.Value);
        Assert.Contains("does not add up", result.RefusalReason);
        Assert.Equal(2.18, result.Published!.Value);
        Assert.Equal("S31", result.Published.SourceId);
    }

    [Fact]
    public void A_rate_without_denominators_is_refused_rather_than_averaged()
    {
        var result = new RollupCalculator(seed.Database).Rollup("STUNTING", Kaltim, new Period(2021));
        Assert.Null(result.Value);
        Assert.Contains("weighted by its denominator", result.RefusalReason);
        Assert.Contains("a plain average would be wrong", result.RefusalReason);
        Assert.Equal(10, result.ChildrenWithoutDenominator.Count);
        Assert.Equal(22.8, result.Published!.Value);
    }

    [Fact]
    public void Children_without_denominators_are_left_out_and_named()
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("mixed.csv", """
            indicator,region_code,year,period,value,numerator,denominator,source_id
            UNMET_NEED,64.01,2025,YEAR,10,100,1000,S36
            UNMET_NEED,64.02,2025,YEAR,20,,,S36
            """)]);
        var result = new RollupCalculator(warehouse).Rollup("UNMET_NEED", Kaltim, new Period(2025));
        Assert.Equal(10, result.Value);
        Assert.Equal(["64.02"], result.ChildrenWithoutDenominator.Select(c => c.Value));
    }

    [Fact]
    public void Unknown_indicators_and_regions_are_named()
    {
        var calculator = new RollupCalculator(seed.Database);
        var indicator = Assert.Throws<UserInputException>(() => calculator.Rollup("NOPE", Kaltim, new Period(2020)));
        Assert.Contains("NOPE", indicator.Message);
        Assert.Equal((ErrorCodes.UnknownIndicator, "indicator"), (indicator.Code, indicator.Argument));
        var region = Assert.Throws<UserInputException>(() => calculator.Rollup("TFR", RegionCode.Parse("99"), new Period(2020)));
        Assert.Contains("99", region.Message);
        Assert.Equal((ErrorCodes.UnknownRegion, "parentCode"), (region.Code, region.Argument));
    }
}
