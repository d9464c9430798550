using Kencana.Server.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.SqlApi.Snapshots;

namespace Kencana.Server.SqlApi.Snapshots;

/// <summary>
/// The <c>forecasts</c> relation of a snapshot: the forecasts export's rows (the same computation, columns and
/// descriptions) for the warm indicators, for the nation, provinces, regencies and cities, 5 years ahead. Computed
/// before the snapshot's transaction and within a time budget; when the forecasts cannot be computed in time (models
/// still training on a large warehouse, say) the snapshot is built without them, and the next data version tries again.
/// </summary>
internal sealed partial class SnapshotForecasts(IEnumerable<IExportDataset> datasets, ForecastingOptions forecasting, SqlSandboxOptions options, ILogger<SnapshotForecasts> logger)
{
    private static readonly RegionLevel[] Levels = [RegionLevel.Nation, RegionLevel.Province, RegionLevel.Regency, RegionLevel.City];

    public IReadOnlyList<ComputedRelation> Compute(CancellationToken stoppingToken)
    {
        if (!options.IncludeForecasts || datasets.OfType<IComputedExportDataset>().FirstOrDefault(d => d.Name == "forecasts") is not { } dataset)
        {
            return [];
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        budget.CancelAfter(options.ForecastTimeBudget);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new List<object?[]>();
        try
        {
            foreach (var indicators in forecasting.WarmIndicators.Distinct(StringComparer.Ordinal).Chunk(Export.ForecastScope.MaxIndicators))
            {
                var filter = new ExportFilter { Indicators = indicators, Levels = Levels };
                rows.AddRange(dataset.ComputeRows(filter, budget.Token));
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogSkipped(logger, $"not computed within SqlApi:ForecastTimeBudget = {options.ForecastTimeBudget}");
            return [];
        }
        catch (Exception ex) when (ex is UserInputException or InvalidExportRequestException or KeyNotFoundException or InvalidOperationException or ArgumentException or IOException)
        {
            LogSkipped(logger, ex.Message);
            return [];
        }
        LogComputed(logger, rows.Count, clock.Elapsed.TotalSeconds);
        var description = dataset.Description
            + " In the SQL API: the indicators of Forecasting:WarmIndicators, for the nation, provinces, regencies and cities, without targetYear (the export computes other scopes).";
        return [new ComputedRelation(dataset.Name, description, dataset.Columns, _ => rows)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: {Rows} forecast rows computed in {Seconds:F1} s")]
    private static partial void LogComputed(ILogger logger, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL API: the snapshot is built without forecasts: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
