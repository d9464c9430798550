using System.IO.Compression;
using System.Text.Json;
using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Intervals;
using Kencana.Forecasting.Pooled;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Training;

/// <summary>Everything needed to forecast one indicator: the chosen method, the pooled ML.NET model when the method
/// uses it, the residual pools its intervals are calibrated on, the parent and national series short series are
/// pooled toward, and the metadata. Trained by
/// <see cref="ModelTrainer"/>; saved and loaded as one zip archive.</summary>
public sealed class TrainedModel
{
    private const string MetadataEntry = "metadata.json";
    private const string StateEntry = "calibration.json";
    private const string PooledEntry = "pooled-model.zip";

    internal TrainedModel(ModelMetadata metadata, Calibration calibration, PooledModel? pooled, IReadOnlyList<AnchorSeries> anchors, double surveyChangeFactor, SeriesNoise noise)
    {
        Noise = noise;
        Metadata = metadata;
        Calibration = calibration;
        Pooled = pooled;
        AnchorSeries = anchors;
        SurveyChangeFactor = surveyChangeFactor;
        var transform = ValueTransform.For(metadata.Indicator.Unit);
        Anchors = new Anchors(anchors.Select(a => TransformedHistory.Of(new Series(metadata.Indicator, a.Region, a.Points), transform)));
    }

    /// <summary>What the model was trained on and how it backtested.</summary>
    public ModelMetadata Metadata { get; }

    internal Calibration Calibration { get; }

    internal PooledModel? Pooled { get; }

    internal IReadOnlyList<AnchorSeries> AnchorSeries { get; }

    /// <summary>The parents and the nation the hierarchical prior pools toward, as the backtest saw them.</summary>
    internal Anchors Anchors { get; }

    /// <summary>The level groups' typical scatter: a series' intervals are scaled by its own against it.</summary>
    internal SeriesNoise Noise { get; }

    /// <summary>How much wider errors were across a change of survey in the backtest (at least 1).</summary>
    internal double SurveyChangeFactor { get; }

    /// <summary>Writes the model as a zip archive: <c>metadata.json</c>, <c>calibration.json</c> and, when the method
    /// uses the pooled model, <c>pooled-model.zip</c> (ML.NET's own model file).</summary>
    /// <param name="stream">A writable stream; left open.</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteJson(archive, MetadataEntry, Metadata);
        WriteJson(archive, StateEntry, new ModelState([.. Calibration.Entries], Pooled?.MaxHorizon, AnchorSeries, SurveyChangeFactor, Noise.References));
        if (Pooled is not null)
        {
            using var entry = archive.CreateEntry(PooledEntry, CompressionLevel.NoCompression).Open();
            // ML.NET's writer seeks back to patch headers, which a zip entry stream cannot do.
            using var buffer = new MemoryStream();
            Pooled.Save(buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">A readable stream; left open.</param>
    /// <exception cref="InvalidDataException">The archive is not a model, or of another format version.</exception>
    public static TrainedModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var metadata = ReadJson<ModelMetadata>(archive, MetadataEntry);
        if (metadata.FormatVersion != ModelMetadata.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"The model archive has format version {metadata.FormatVersion}; this library reads version {ModelMetadata.CurrentFormatVersion}. Retrain the model.");
        }
        var state = ReadJson<ModelState>(archive, StateEntry);
        PooledModel? pooled = null;
        if (archive.GetEntry(PooledEntry) is { } entry)
        {
            using var buffer = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(buffer);
            }
            buffer.Position = 0;
            pooled = PooledModel.Load(buffer, metadata.Options.Seed, state.PooledMaxHorizon ?? metadata.Options.MaxHorizon);
        }
        return new TrainedModel(metadata, new Calibration(state.Calibration), pooled, state.Anchors, state.SurveyChangeFactor, new SeriesNoise(state.Noise));
    }

    private static void WriteJson<T>(ZipArchive archive, string name, T value)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        JsonSerializer.Serialize(entry, value, ArchiveJson.Options);
    }

    private static T ReadJson<T>(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"The model archive has no {name}.");
        using var source = entry.Open();
        return JsonSerializer.Deserialize<T>(source, ArchiveJson.Options)
            ?? throw new InvalidDataException($"The model archive's {name} is empty.");
    }
}
