using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Tests.Infrastructure;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Hierarchy;

/// <summary>Boundary changes and survey changes, on the real Kalimantan Timur seed values.</summary>
public sealed class LineageAndSurveyTests
{
    private static readonly TrainedModel Model = ModelTrainer.Train(SeedStunting.Panel, dataVersion: 1, new ForecastOptions { Seed = 1 });

    /// <summary>A province formed by a split, whose history is its predecessor's values before the split.</summary>
    private static Series Borrowed(SeriesLineage? lineage) => new(
        SeedStunting.Indicator,
        new RegionIdentity("65", AdminLevel.Province, "65"),
        [new(2019, 28.09, "SSGBI 2019"), new(2021, 22.8, "SSGI 2021"), new(2022, 23.9, "SSGI 2022")],
        lineage);

    [Fact]
    public void A_region_created_by_a_split_says_how_its_history_was_built_and_widens_its_intervals()
    {
        var lineage = new SeriesLineage("64", 2012, HistoryFromPredecessor: true, "Kalimantan Utara (65) was formed in 2012 from Kalimantan Timur (64) and has no value of its own: its history is Kalimantan Timur's.");
        var forecaster = new Forecaster(Model);

        var borrowed = forecaster.Forecast(Borrowed(lineage), horizon: 3);
        var own = forecaster.Forecast(Borrowed(null), horizon: 3);

        Assert.Equal(lineage, borrowed.Lineage);
        Assert.Equal(Reliability.Low, borrowed.Reliability);
        var warning = Assert.Single(borrowed.Warnings, w => w.Kind == WarningKind.BoundaryChange);
        Assert.Contains("formed in 2012 from Kalimantan Timur", warning.Message, StringComparison.Ordinal);
        Assert.All(borrowed.Points.Zip(own.Points), p =>
        {
            Assert.Equal(p.Second.Median, p.First.Median, 9);
            Assert.True(p.First.Interval95.Width > p.Second.Interval95.Width);
        });
    }

    [Fact]
    public void A_forecast_says_which_survey_it_projects_and_widens_for_another_survey()
    {
        var forecaster = new Forecaster(Model);
        var series = Borrowed(null);

        var same = forecaster.Forecast(series, horizon: 2);
        var other = forecaster.Forecast(series, horizon: 2, nextSurvey: "SKI 2023");

        Assert.Equal("SSGI", same.ProjectedSurvey);
        Assert.Equal("SKI 2023", other.ProjectedSurvey);
        Assert.DoesNotContain(same.Warnings, w => w.Kind == WarningKind.SurveyChangeAhead);
        Assert.Contains(other.Warnings, w => w.Kind == WarningKind.SurveyChangeAhead);
        Assert.All(other.Points.Zip(same.Points), p => Assert.True(p.First.Interval95.Width > p.Second.Interval95.Width));
        // SSGBI 2019 then SSGI: part of the trend may be the change of survey, and the forecast says so.
        Assert.Contains(same.Warnings, w => w.Kind == WarningKind.MixedSurveys);
        // The next reading from another edition of the same survey is no survey change.
        Assert.DoesNotContain(forecaster.Forecast(series, 2, nextSurvey: "SSGI 2024").Warnings, w => w.Kind == WarningKind.SurveyChangeAhead);
    }

    [Fact]
    public void Errors_across_a_survey_change_widen_intervals_by_how_much_larger_they_were()
    {
        var residuals = Enumerable.Range(0, 20).Select(i => (Residual: 0.1 * ((i % 2) * 2 - 1), SurveyChange: false))
            .Concat(Enumerable.Range(0, 20).Select(i => (Residual: 0.3 * ((i % 2) * 2 - 1), SurveyChange: true)));

        Assert.Equal(3, Calibration.SurveyChangeFactor(residuals), 9);
        // Too few survey changes to tell: no widening.
        Assert.Equal(1, Calibration.SurveyChangeFactor(residuals.Take(25)), 9);
    }

    [Fact]
    public void A_two_point_series_changing_more_than_any_province_did_between_two_surveys_is_flagged()
    {
        var largest = Model.Metadata.LargestProvinceChange!;
        Assert.Equal("64", largest.RegionCode);
        Assert.Equal(28.09 - 22.8, largest.Change, 9);
        var steep = new Series(SeedStunting.Indicator, new RegionIdentity("64.99", AdminLevel.Regency, "64"), [new(2021, 45.0), new(2022, 25.0)]);

        var result = new Forecaster(Model).Forecast(steep, horizon: 8);

        var moved = result.Points.Max(p => Math.Abs(p.Median - 25.0));
        Assert.True(moved > largest.Change, $"the test series should move more than {largest.Change}; it moved {moved}");
        Assert.Contains(result.Warnings, w => w.Kind == WarningKind.ChangeBeyondObserved);
        Assert.Equal(Reliability.Low, result.Reliability);
    }
}
