using Kencana.Forecasting.Input;
using Kencana.Forecasting.Tests.Infrastructure;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Training;

[Collection(PooledModelGroup.Name)]
public sealed class SaveLoadTests(PooledModelFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_saved_and_loaded_model_forecasts_identically(bool pooled)
    {
        var model = pooled ? fixture.Pooled : fixture.Chosen;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = TrainedModel.Load(stream);

        Assert.Equal(DeterminismTests.Json(model.Metadata), DeterminismTests.Json(loaded.Metadata));
        Assert.Equal(3, loaded.Metadata.DataVersion);
        Assert.Equal("STUNTING", loaded.Metadata.Indicator.Code);
        foreach (var series in fixture.Training.Series.Take(20))
        {
            Assert.Equal(
                DeterminismTests.Json(new Forecaster(model).Forecast(series, horizon: 8)),
                DeterminismTests.Json(new Forecaster(loaded).Forecast(series, horizon: 8)));
        }
    }

    [Fact]
    public void A_saved_model_keeps_the_parent_and_national_series_its_forecasts_are_pooled_toward()
    {
        var model = ModelTrainer.Train(SeedStunting.Panel, dataVersion: 1, new ForecastOptions { Candidates = [ForecastMethod.Global] });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = TrainedModel.Load(stream);

        foreach (var series in SeedStunting.Panel.Series)
        {
            Assert.Equal(
                DeterminismTests.Json(new Forecaster(model).Forecast(series, horizon: 5)),
                DeterminismTests.Json(new Forecaster(loaded).Forecast(series, horizon: 5)));
        }
        // A kabupaten of Kalimantan Timur with one point is drawn toward its province, which the archive kept.
        var onePoint = new Series(SeedStunting.Indicator,
            new RegionIdentity("64.99", AdminLevel.Regency, "64"), [new(2024, 40.0)]);
        Assert.True(new Forecaster(loaded).Forecast(onePoint, 1).Points[0].Median < 40.0);
    }

    [Fact]
    public void An_archive_of_another_format_is_refused()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        Assert.ThrowsAny<InvalidDataException>(() => TrainedModel.Load(stream));
    }
}
