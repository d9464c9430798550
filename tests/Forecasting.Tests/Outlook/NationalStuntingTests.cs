using Kencana.Forecasting.Input;
using Kencana.Forecasting.Tests.Infrastructure;
using Kencana.Forecasting.Training;
using Snapshooter.Xunit;

namespace Kencana.Forecasting.Tests.Outlook;

public sealed class NationalStuntingTests
{
    /// <summary>RPJMN 2025-2029: stunting at 14.2% in 2029.</summary>
    private static readonly Target Rpjmn2029 = new(14.2, 2029);

    private static ForecastResult Forecast()
    {
        var model = ModelTrainer.Train(SeedStunting.Panel, dataVersion: 1, new ForecastOptions { Seed = 1 });
        return new Forecaster(model).Forecast(SeedStunting.National, horizon: 5, Rpjmn2029);
    }

    [Fact]
    public void The_national_series_gets_a_sensible_outlook_for_the_RPJMN_2029_target()
    {
        var result = Forecast();
        var outlook = result.Outlook!;

        // 100 (1 - (14.2 / 19.8)^(1/5)) = 100 (1 - 0.935674) = 6.4326.
        Assert.Equal(6.4326, outlook.RequiredAarr!.Value, 1e-3);
        // The log-linear fit of 24.4, 21.6, 21.5, 19.8 falls 6.12% a year (see AarrTests).
        Assert.Equal(6.1183, outlook.CurrentAarr!.Value, 1e-3);
        Assert.InRange(outlook.Probability, 0, 1);
        Assert.InRange(outlook.ProjectedValue, 10, 19.8);
        Assert.Equal(outlook.Probability >= 0.5, outlook.OnTrack);
        Assert.True(outlook.CrossingYear is null or >= 2025);
        Assert.Equal(2029, result.Points[^1].Year);
        Assert.All(result.Points, p => Assert.True(p.Interval95.Lower < p.Median && p.Median < p.Interval95.Upper));
        // Twelve short series cannot calibrate a 95% interval by conformal ranks: the result has to say so.
        Assert.NotEqual(Reliability.High, result.Reliability);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void The_national_stunting_forecast_matches_its_snapshot() => Snapshot.Match(Forecast().Rounded());
}
