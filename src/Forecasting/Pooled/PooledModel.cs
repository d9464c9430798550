using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Kencana.Forecasting.Pooled;

/// <summary>The pooled ML.NET model of one indicator: one-hot region level and province, the numeric origin features,
/// and a FastTree regression of the model-space change on them. FastTree rather than LightGBM because its tree-path
/// feature contributions are built in and it runs single-threaded, which is what makes a seed reproduce a model
/// exactly.</summary>
internal sealed class PooledModel
{
    private const string LevelVector = "RegionLevelVector";
    private const string ProvinceVector = "ProvinceVector";
    private const string Features = "Features";
    private const string Score = "Score";
    private const string Contributions = "FeatureContributions";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly RegressionPredictionTransformer<FastTreeRegressionModelParameters> predictor;
    // A prediction engine is not thread-safe and is built lazily; one lock keeps concurrent forecasts correct at
    // negligible cost, as a forecast holds it for microseconds.
    private readonly Lock gate = new();
    private (PredictionEngine<PooledFeatures, PooledOutput> Engine, string[] SlotFeatures)? explainer;

    private PooledModel(MLContext ml, ITransformer model, int maxHorizon)
    {
        this.ml = ml;
        this.model = model;
        MaxHorizon = maxHorizon;
        predictor = model is TransformerChain<ITransformer> chain
            && chain.LastTransformer is RegressionPredictionTransformer<FastTreeRegressionModelParameters> last
            ? last
            : throw new InvalidDataException("The saved pooled model is not a FastTree regression pipeline.");
    }

    /// <summary>The longest horizon the model was trained on; beyond it the forecaster scales its change.</summary>
    public int MaxHorizon { get; }

    public static PooledModel Train(IReadOnlyList<PooledFeatures> rows, PooledModelSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var ml = new MLContext(settings.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(PooledFeatures.Label),
            FeatureColumnName = Features,
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinimumRowsPerLeaf,
            LearningRate = settings.LearningRate,
            NumberOfThreads = 1,
            Seed = settings.Seed,
        });
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(LevelVector, nameof(PooledFeatures.RegionLevel))
            .Append(ml.Transforms.Categorical.OneHotEncoding(ProvinceVector, nameof(PooledFeatures.Province)))
            .Append(ml.Transforms.Concatenate(Features, [.. PooledFeatures.NumericColumns, LevelVector, ProvinceVector]))
            .Append(trainer);
        var fitted = pipeline.Fit(data);
        var maxHorizon = (int)rows.Max(r => r.Horizon);
        return new PooledModel(ml, new TransformerChain<ITransformer>([.. fitted]), maxHorizon);
    }

    public IReadOnlyList<PooledPrediction> Predict(IReadOnlyList<PooledFeatures> rows, bool explain)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        lock (gate)
        {
            if (!explain)
            {
                // Backtests ask for thousands of rows at once: one batch transform is fastest.
                return model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>(Score)
                    .Select(s => new PooledPrediction(s, [])).ToArray();
            }
            // A forecast asks for a handful of rows: a prediction engine answers them without building a data view
            // per call, which is what made one forecast cost milliseconds.
            explainer ??= CreateExplainer(rows);
            var output = new PooledOutput();
            var predictions = new PooledPrediction[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                explainer.Value.Engine.Predict(rows[i], ref output);
                predictions[i] = new PooledPrediction(output.Score, ByFeature(output.FeatureContributions, explainer.Value.SlotFeatures));
            }
            return predictions;
        }
    }

    private (PredictionEngine<PooledFeatures, PooledOutput> Engine, string[] SlotFeatures) CreateExplainer(IReadOnlyList<PooledFeatures> sample)
    {
        var scored = model.Transform(ml.Data.LoadFromEnumerable(sample));
        var slotFeatures = SlotFeatures(scored.Schema);
        var calculator = ml.Transforms
            .CalculateFeatureContribution(predictor, slotFeatures.Length, slotFeatures.Length, normalize: false)
            .Fit(scored);
        var chain = new TransformerChain<ITransformer>(model, calculator);
        return (ml.Model.CreatePredictionEngine<PooledFeatures, PooledOutput>(chain), slotFeatures);
    }

    public void Save(Stream stream)
    {
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<PooledFeatures>()).Schema;
        ml.Model.Save(model, schema, stream);
    }

    public static PooledModel Load(Stream stream, int seed, int maxHorizon)
    {
        var ml = new MLContext(seed);
        var loaded = ml.Model.Load(stream, out _);
        return new PooledModel(ml, loaded, maxHorizon);
    }

    /// <summary>Which feature each slot of the feature vector belongs to: one-hot slots are named
    /// <c>ProvinceVector.64</c> and fold back into <c>Province</c>.</summary>
    private static string[] SlotFeatures(DataViewSchema schema)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema[Features].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).Select(n => n switch
        {
            _ when n.StartsWith(LevelVector, StringComparison.Ordinal) => nameof(PooledFeatures.RegionLevel),
            _ when n.StartsWith(ProvinceVector, StringComparison.Ordinal) => nameof(PooledFeatures.Province),
            _ => n,
        }).ToArray();
    }

    private static KeyValuePair<string, double>[] ByFeature(float[] slots, string[] slotFeatures)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < slots.Length && i < slotFeatures.Length; i++)
        {
            sums[slotFeatures[i]] = sums.GetValueOrDefault(slotFeatures[i]) + slots[i];
        }
        return [.. sums];
    }
}
