using Kencana.Forecasting.Input;
using Kencana.Forecasting.Training;

namespace Kencana.Forecasting.Tests.Infrastructure;

/// <summary>One synthetic regency panel (2015-2024) and the models trained on its years up to 2022, shared by the
/// tests that need the pooled ML.NET model, so it is fitted once per test run.</summary>
public sealed class PooledModelFixture
{
    public const int LastTrainingYear = 2022;

    /// <summary>Two ridge penalties to choose among: the tests check behaviour, not the last bit of accuracy, and must
    /// stay fast.</summary>
    public static readonly ForecastOptions Options = new() { Seed = 7, BacktestOriginYears = 3, PooledL2Grid = [100, 10000] };

    public PooledModelFixture()
    {
        Full = SyntheticPanels.Regencies(seed: 2024, regions: 300, firstYear: 2015, lastYear: 2024);
        Training = SyntheticPanels.Until(Full, LastTrainingYear);
        Chosen = ModelTrainer.Train(Training, dataVersion: 3, Options);
        Pooled = ModelTrainer.Train(Training, dataVersion: 3, Options with { Candidates = [ForecastMethod.Global] });
    }

    /// <summary>The whole generated panel, 2015-2024.</summary>
    public SeriesPanel Full { get; }

    /// <summary>The panel up to <see cref="LastTrainingYear"/>.</summary>
    public SeriesPanel Training { get; }

    /// <summary>The model with the method the backtest chose.</summary>
    public TrainedModel Chosen { get; }

    /// <summary>A model forced to the pooled method.</summary>
    public TrainedModel Pooled { get; }
}

[CollectionDefinition(Name)]
public sealed class PooledModelGroup : ICollectionFixture<PooledModelFixture>
{
    public const string Name = "pooled model";
}
