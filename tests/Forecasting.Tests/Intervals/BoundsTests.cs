using Kencana.Forecasting.Input;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Intervals;

public sealed class BoundsTests
{
    private static readonly IndicatorProfile Mcpr = new("MCPR", UnitKind.Percent, BetterWhen.Higher);

    private static Series Synthetic(string code, params double[] values) => new(
        Mcpr,
        new RegionIdentity(code, AdminLevel.Regency, "SYNTHETIC00"),
        values.Select((v, i) => new SeriesPoint(2015 + i, v)));

    public static TheoryData<string, double[]> NearBounds => new()
    {
        { "SYNTHETIC.FALLING_TO_ZERO", [4.0, 2.5, 1.2, 0.6, 0.2, 0.1, 0.0] },
        { "SYNTHETIC.RISING_TO_100", [90.0, 94.0, 97.0, 98.5, 99.4, 99.9, 100.0] },
        { "SYNTHETIC.AT_ZERO", [0.0, 0.0, 0.1] },
        { "SYNTHETIC.ONE_POINT_AT_100", [100.0] },
        { "SYNTHETIC.TWO_POINTS_RUSHING_UP", [50.0, 99.0] },
    };

    [Theory]
    [MemberData(nameof(NearBounds))]
    public void No_percentage_forecast_or_interval_leaves_0_to_100(string code, double[] values)
    {
        var panel = new SeriesPanel(Mcpr,
        [
            Synthetic("SYNTHETIC.FALLING_TO_ZERO", 4.0, 2.5, 1.2, 0.6, 0.2, 0.1, 0.0),
            Synthetic("SYNTHETIC.RISING_TO_100", 90.0, 94.0, 97.0, 98.5, 99.4, 99.9, 100.0),
            Synthetic("SYNTHETIC.STEEP_RISE", 10, 30, 55, 80, 95),
        ]);
        var forecaster = new Forecaster(ModelTrainer.Train(panel, dataVersion: 1));

        var result = forecaster.Forecast(Synthetic(code, values), horizon: 15, new Target(100, 2030));

        Assert.All(result.Points, p =>
        {
            Assert.InRange(p.Median, 0, 100);
            Assert.InRange(p.Interval95.Lower, 0, 100);
            Assert.InRange(p.Interval95.Upper, 0, 100);
            Assert.InRange(p.Interval80.Lower, p.Interval95.Lower, p.Median);
            Assert.InRange(p.Interval80.Upper, p.Median, p.Interval95.Upper);
        });
        Assert.InRange(result.Outlook!.Probability, 0, 1);
    }

    [Fact]
    public void Rates_and_counts_never_turn_negative()
    {
        var asfr = new IndicatorProfile("ASFR_15_19", UnitKind.Rate, BetterWhen.Lower);
        var falling = new Series(asfr, new RegionIdentity("SYNTHETIC.RATE", AdminLevel.Province, "SYNTHETIC00"),
            [new(2020, 40), new(2021, 25), new(2022, 12), new(2023, 5)]);
        var forecaster = new Forecaster(ModelTrainer.Train(new SeriesPanel(asfr, [falling]), dataVersion: 1));

        var result = forecaster.Forecast(falling, horizon: 10);

        Assert.All(result.Points, p => Assert.True(p.Interval95.Lower > 0 && p.Median > 0));
    }
}
