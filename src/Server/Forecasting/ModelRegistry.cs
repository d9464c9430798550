using System.Collections.Concurrent;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Training;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Forecasting;

/// <summary>
/// One trained model per indicator, for the current data version. A model is trained on first use (or found on disk),
/// kept in memory, and replaced in the background when the data changes; until then queries use the previous one.
/// </summary>
public sealed partial class ModelRegistry(
    IndicatorCatalog indicators, ForecastPanels panels, DataVersionLog versions, ForecastingOptions options, ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, TrainedModel> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Version, string Reason)> _untrainable = new(StringComparer.Ordinal);

    public int CurrentDataVersion => versions.Latest()?.Number ?? 0;

    /// <summary>The indicators with a model in memory.</summary>
    public IReadOnlyCollection<string> Loaded => [.. _models.Keys];

    /// <summary>
    /// The indicators whose model cannot be trained on the current data version (no whole-year values, as in a
    /// monthly-only warehouse), with the reason: training them again waits for new data, so they are not "warming up".
    /// </summary>
    public IReadOnlyDictionary<string, string> Untrainable
    {
        get
        {
            var version = CurrentDataVersion;
            return _untrainable.Where(u => u.Value.Version == version).ToDictionary(u => u.Key, u => u.Value.Reason, StringComparer.Ordinal);
        }
    }

    /// <summary>The model for an indicator: the current one, else a stale one while a retrain runs, else trained now.</summary>
    /// <exception cref="UserInputException">The indicator has no yearly values to learn from.</exception>
    public TrainedModel Get(string indicatorCode)
    {
        var version = CurrentDataVersion;
        if (_models.TryGetValue(indicatorCode, out var model) && (model.Metadata.DataVersion == version || Gate(indicatorCode).CurrentCount == 0))
        {
            return model;
        }
        return Refresh(indicatorCode, version);
    }

    /// <summary>Retrains the indicator's model for the data version unless it is current; saves it beside the warehouse.</summary>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="version">The data version the model must be trained on.</param>
    /// <param name="cancellationToken">Stops the warehouse reads of a training (the host stopping, say).</param>
    public TrainedModel Refresh(string indicatorCode, int version, CancellationToken cancellationToken = default)
    {
        var gate = Gate(indicatorCode);
        gate.Wait(cancellationToken);
        try
        {
            if (_models.TryGetValue(indicatorCode, out var current) && current.Metadata.DataVersion == version)
            {
                return current;
            }
            var model = LoadSaved(indicatorCode, version) ?? Train(indicatorCode, version, cancellationToken);
            _models[indicatorCode] = model;
            return model;
        }
        finally
        {
            gate.Release();
        }
    }

    private TrainedModel Train(string indicatorCode, int version, CancellationToken cancellationToken)
    {
        var indicator = indicators.Find(indicatorCode, cancellationToken) ?? throw new UserInputException(ErrorCodes.UnknownIndicator, $"There is no indicator '{indicatorCode}'.", "indicator");
        var profile = ForecastInputs.Profile(indicator);
        // Borrowed histories (a new province's predecessor's) would count the same values twice.
        var series = panels.Get(profile, version, cancellationToken).Values.Where(i => i.InTraining).Select(i => i.Series)
            .OrderBy(s => s.Region.Code, StringComparer.Ordinal).ToList();
        if (series.Count == 0)
        {
            var reason = $"{indicator.Code} has no whole-year values to learn from; import yearly data first.";
            _untrainable[indicator.Code] = (version, reason);
            throw new UserInputException(ErrorCodes.NoData, reason, "indicator");
        }
        _untrainable.TryRemove(indicator.Code, out _);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = ModelTrainer.Train(new SeriesPanel(profile, series), version);
        LogTrained(logger, indicator.Code, version, series.Count, model.Metadata.Method, clock.Elapsed.TotalSeconds);
        Save(model);
        return model;
    }

    private TrainedModel? LoadSaved(string indicatorCode, int version)
    {
        var path = PathOf(indicatorCode, version);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = File.OpenRead(path);
            return TrainedModel.Load(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            LogUnreadable(logger, path, ex.Message);
            return null;
        }
    }

    private void Save(TrainedModel model)
    {
        var path = PathOf(model.Metadata.Indicator.Code, model.Metadata.DataVersion);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            model.Save(file);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string indicatorCode, int version) =>
        Path.Combine(Path.GetFullPath(options.ModelDirectory), $"{indicatorCode}.v{version}.model.zip");

    private SemaphoreSlim Gate(string indicatorCode) => _gates.GetOrAdd(indicatorCode, _ => new SemaphoreSlim(1, 1));

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the {Indicator} model for data version {Version} on {Series} series: {Method}, in {Seconds:F1} s")]
    private static partial void LogTrained(ILogger logger, string indicator, int version, int series, Kencana.Forecasting.ForecastMethod method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the saved model {Path} ({Reason}); retraining")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}
