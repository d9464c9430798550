using System.Text.Json;
using Kencana.Forecasting.Tests.Infrastructure;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Training;

[Collection(PooledModelGroup.Name)]
public sealed class DeterminismTests(PooledModelFixture fixture)
{
    [Fact]
    public void The_same_seed_gives_identical_models_and_forecasts()
    {
        var again = ModelTrainer.Train(fixture.Training, dataVersion: 3, PooledModelFixture.Options with { Candidates = [ForecastMethod.Global] });

        Assert.Equal(Json(fixture.Pooled.Metadata.Backtest), Json(again.Metadata.Backtest));
        foreach (var series in fixture.Training.Series.Take(20))
        {
            Assert.Equal(
                Json(new Forecaster(fixture.Pooled).Forecast(series, horizon: 5)),
                Json(new Forecaster(again).Forecast(series, horizon: 5)));
        }
    }

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
