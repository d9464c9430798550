using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Kencana.Forecasting.Pooled;

/// <summary>The pooled ML.NET model of one indicator: one-hot region level and survey family, the numeric origin
/// features, standardised, and a ridge-regularised linear regression (ML.NET SDCA) of the outcome's distance from the
/// hierarchical prior on them. Linear and ridge rather than boosted trees: real panels give a few hundred rows (34
/// provinces x a few survey transitions, a few hundred kabupaten/kota with two points), on which trees either learn
/// one region's noise or refuse to fit; a penalised linear correction of a sound prior fits on a few dozen rows and
/// shrinks to the prior when the data say little. SDCA runs single-threaded without shuffling, so a seed reproduces a
/// model exactly, and its feature contributions are the weights times the standardised features.</summary>
internal sealed class PooledModel
{
    private const string LevelVector = "RegionLevelVector";
    private const string SurveyVector = "LastSurveyVector";
    private const string RawFeatures = "RawFeatures";
    private const string Features = "Features";
    private const string Score = "Score";
    private const string Contributions = "FeatureContributions";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly RegressionPredictionTransformer<LinearRegressionModelParameters> predictor;
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
            && chain.LastTransformer is RegressionPredictionTransformer<LinearRegressionModelParameters> last
            ? last
            : throw new InvalidDataException("The saved pooled model is not a linear regression pipeline.");
    }

    /// <summary>The longest horizon the model was trained on; beyond it the forecaster scales its change.</summary>
    public int MaxHorizon { get; }

    /// <summary>Fits the model with the ridge penalty of <paramref name="settings"/>' grid that best forecast the
    /// latest outcome year from the earlier ones; the largest penalty when there are too few rows to tell.</summary>
    public static PooledModel Train(IReadOnlyList<PooledFeatures> rows, PooledModelSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        return Fit(rows, ChoosePenalty(rows, settings), settings);
    }

    /// <summary>The penalty chosen by holding out the latest outcome year; the strongest when either side has fewer
    /// than <see cref="MinimumValidationRows"/> rows.</summary>
    internal static double ChoosePenalty(IReadOnlyList<PooledFeatures> rows, PooledModelSettings settings)
    {
        var strongest = settings.L2Grid.Max();
        if (settings.L2Grid.Count == 1)
        {
            return strongest;
        }
        var latest = rows.Max(r => r.TargetYear);
        var train = rows.Where(r => r.TargetYear < latest).ToArray();
        var held = rows.Where(r => r.TargetYear == latest).ToArray();
        if (train.Length < MinimumValidationRows || held.Length < MinimumValidationRows)
        {
            return strongest;
        }
        var best = strongest;
        var bestError = double.PositiveInfinity;
        // From the strongest penalty down: a weaker one must beat the best so far by a clear margin, since one held-out
        // year is a noisy judge and a weaker penalty is a bet that the next year resembles it.
        foreach (var l2 in settings.L2Grid.OrderDescending())
        {
            var model = Fit(train, l2, settings);
            var predictions = model.Predict(held, explain: false);
            var error = held.Select((r, i) => Math.Abs(r.Label - predictions[i].Change)).Average();
            if (error < bestError * (1 - RequiredGain))
            {
                bestError = error;
                best = l2;
            }
        }
        return best;
    }

    /// <summary>The share by which a weaker penalty must lower the held-out error to be preferred.</summary>
    private const double RequiredGain = 0.05;

    /// <summary>Rows each side of the nested validation needs before it may choose a weaker penalty.</summary>
    private const int MinimumValidationRows = 10;

    private static PooledModel Fit(IReadOnlyList<PooledFeatures> rows, double l2, PooledModelSettings settings)
    {
        var ml = new MLContext(settings.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = nameof(PooledFeatures.Label),
            FeatureColumnName = Features,
            L2Regularization = (float)l2,
            L1Regularization = 0,
            MaximumNumberOfIterations = settings.Iterations,
            NumberOfThreads = 1,
            Shuffle = false,
        });
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(LevelVector, nameof(PooledFeatures.RegionLevel))
            .Append(ml.Transforms.Categorical.OneHotEncoding(SurveyVector, nameof(PooledFeatures.LastSurvey)))
            .Append(ml.Transforms.Concatenate(RawFeatures, [.. PooledFeatures.NumericColumns, LevelVector, SurveyVector]))
            // Standardised features make one ridge penalty mean the same for a slope and a point count.
            .Append(ml.Transforms.NormalizeMeanVariance(Features, RawFeatures))
            .Append(trainer);
        var fitted = pipeline.Fit(data);
        var maxHorizon = (int)rows.Max(r => r.Horizon);
        return new PooledModel(ml, new TransformerChain<ITransformer>([.. fitted]), maxHorizon) { Penalty = l2 };
    }

    /// <summary>The ridge penalty the model was fitted with.</summary>
    public double Penalty { get; private init; }

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
    /// <c>LastSurveyVector.SSGI</c> and fold back into <c>LastSurvey</c>.</summary>
    private static string[] SlotFeatures(DataViewSchema schema)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema[Features].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).Select(n => n switch
        {
            _ when n.StartsWith(LevelVector, StringComparison.Ordinal) => nameof(PooledFeatures.RegionLevel),
            _ when n.StartsWith(SurveyVector, StringComparison.Ordinal) => nameof(PooledFeatures.LastSurvey),
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
