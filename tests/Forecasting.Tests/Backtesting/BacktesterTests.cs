using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Backtesting;

[Collection(PooledModelGroup.Name)]
public sealed class BacktesterTests(PooledModelFixture fixture)
{
    [Fact]
    public void Every_candidate_is_scored_beside_naive_and_the_chosen_one_has_the_lowest_MASE()
    {
        var report = fixture.Chosen.Metadata.Backtest;

        Assert.Equal(Enum.GetValues<ForecastMethod>(), report.Scores.Select(s => s.Method));
        Assert.All(report.Scores, s => Assert.Equal(report.Cases, s.Cases));
        Assert.Equal(report.Scores.Min(s => s.Mase), report.ChosenScore.Mase);
        // The synthetic regions trend: something must beat carrying the last value forward.
        Assert.True(report.ChosenScore.Mase < report.Naive.Mase);
        Assert.True(report.ChosenScore.Winkler95 < report.Naive.Winkler95);
    }

    [Fact]
    public void A_panel_too_small_for_the_pooled_model_is_backtested_on_the_baselines_and_says_why()
    {
        var report = Backtester.Run(SeedStunting.Panel);

        Assert.DoesNotContain(report.Scores, s => s.Method is ForecastMethod.Global or ForecastMethod.Combination);
        Assert.Contains(report.Notes, n => n.Contains("pooled model was not fitted", StringComparison.Ordinal));
        Assert.Contains(report.Scores, s => s.Method == ForecastMethod.Naive);
    }
}
