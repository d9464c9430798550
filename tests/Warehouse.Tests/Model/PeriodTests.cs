using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Tests.Model;

public class PeriodTests
{
    [Theory]
    [InlineData("YEAR", SubPeriod.Year)]
    [InlineData("tahunan", SubPeriod.Year)]
    [InlineData("S1", SubPeriod.S1)]
    [InlineData("Semester 2", SubPeriod.S2)]
    [InlineData("q3", SubPeriod.Q3)]
    [InlineData("TW4", SubPeriod.Q4)]
    [InlineData("M07", SubPeriod.M07)]
    [InlineData("M7", SubPeriod.M07)]
    [InlineData("12", SubPeriod.M12)]
    public void Parses_the_forms_users_write(string text, SubPeriod expected)
    {
        Assert.True(Period.TryParseSubPeriod(text, out var sub));
        Assert.Equal(expected, sub);
    }

    [Theory]
    [InlineData("S3")]
    [InlineData("Q5")]
    [InlineData("M13")]
    [InlineData("0")]
    [InlineData("week 1")]
    [InlineData("")]
    public void Refuses_periods_that_do_not_exist(string text) => Assert.False(Period.TryParseSubPeriod(text, out _));

    [Theory]
    [InlineData("2023", 2023, SubPeriod.Year)]
    [InlineData("2021-S1", 2021, SubPeriod.S1)]
    [InlineData("2022-Q3", 2022, SubPeriod.Q3)]
    [InlineData("2024-07", 2024, SubPeriod.M07)]
    [InlineData("2024-M07", 2024, SubPeriod.M07)]
    public void Parses_whole_periods(string text, int year, SubPeriod sub) => Assert.Equal(new Period(year, sub), Period.Parse(text));

    [Fact]
    public void Knows_its_dates_and_granularity()
    {
        var q3 = new Period(2022, SubPeriod.Q3);
        Assert.Equal(new DateOnly(2022, 7, 1), q3.Start);
        Assert.Equal(new DateOnly(2022, 9, 30), q3.End);
        Assert.Equal(Granularity.Quarter, q3.Granularity);
        Assert.Equal(new DateOnly(2021, 6, 30), new Period(2021, SubPeriod.S1).End);
        Assert.Equal("2021-S1", new Period(2021, SubPeriod.S1).ToString());
    }

    [Fact]
    public void Orders_by_start_then_longest_first()
    {
        var sorted = new[] { new Period(2022, SubPeriod.M01), new Period(2021), new Period(2022), new Period(2022, SubPeriod.S1) }.Order().ToList();
        Assert.Equal([new Period(2021), new Period(2022), new Period(2022, SubPeriod.S1), new Period(2022, SubPeriod.M01)], sorted);
    }

    [Fact]
    public void Cannot_hold_a_year_the_warehouse_refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(1800));
        Assert.False(Period.TryParse("2200", out _));
    }
}
