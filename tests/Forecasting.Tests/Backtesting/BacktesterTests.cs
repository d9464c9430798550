using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Backtesting;

[Collection(PooledModelGroup.Name)]
public sealed class BacktesterTests(PooledModelFixture fixture)
{
    [Fact]
    public void Every_candidate_is_scored_beside_naive_and_the_chosen_one_has_the_lowest_MAE()
    {
        var report = fixture.Chosen.Metadata.Backtest;

        Assert.Equal(Enum.GetValues<ForecastMethod>(), report.Scores.Select(s => s.Method));
        Assert.All(report.Scores, s => Assert.Equal(report.Cases, s.Cases));
        Assert.Equal(report.Scores.Min(s => s.Mae), report.ChosenScore.Mae);
        // Every level with cases is scored too, on all its cases.
        var level = Assert.Single(report.Levels);
        Assert.Equal("kabupaten/kota", level.Level);
        Assert.Equal(report.Cases, level.Cases);
        // The synthetic regions trend: something must beat carrying the last value forward.
        Assert.True(report.ChosenScore.Mase < report.Naive.Mase);
        Assert.True(report.ChosenScore.Winkler95 < report.Naive.Winkler95);
    }

    [Fact]
    public void A_panel_too_small_for_the_pooled_model_falls_back_on_its_prior_and_says_why()
    {
        var report = Backtester.Run(SeedStunting.Panel, new ForecastOptions { MinimumPooledRows = 10_000 });

        Assert.Contains(report.Notes, n => n.Contains("pooled model was not fitted", StringComparison.Ordinal));
        var prior = report.Scores.Single(s => s.Method == ForecastMethod.Hierarchical);
        Assert.Equal(prior.Mae, report.Scores.Single(s => s.Method == ForecastMethod.Global).Mae, 12);
        // Equal scores go to the simpler method.
        Assert.NotEqual(ForecastMethod.Global, report.Chosen);
    }

    [Fact]
    public void A_small_real_panel_fits_the_pooled_model_instead_of_switching_it_off()
    {
        var report = Backtester.Run(SeedStunting.Panel);

        Assert.Contains(report.Notes, n => n.Contains("pooled model was refitted", StringComparison.Ordinal));
        Assert.Contains(report.Scores, s => s.Method == ForecastMethod.Global && s.Cases == report.Cases);
    }
}
