using Kencana.Server.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;

namespace Kencana.Server.Export;

/// <summary>
/// GraphQL's <c>forecast</c> for every region a request names, one row per region and year ahead: the median, the
/// 80% and 95% intervals, the method and reliability, and against the target year's target the probability, the
/// AARRs and the crossing year. Computed by the forecast service (ML.NET, in .NET), then written by the same format
/// writers as every other dataset (<see cref="IComputedExportDataset"/>).
/// </summary>
internal sealed class ForecastsDataset(ForecastScope scope, ForecastService forecasts) : IComputedExportDataset
{
    /// <summary>Years ahead without targetYear, GraphQL's default.</summary>
    private const int DefaultHorizon = 5;

    public string Name => "forecasts";

    public string Title => "Forecasts: projections with 80% and 95% intervals";

    public string Description =>
        "One row per region and year ahead of its latest yearly value, as GraphQL forecast answers: the median projection (value) with its 80% and 95% prediction intervals, the method and reliability, and, with targetYear, the target that applies for that year (the region's own, else the nearest enclosing region's) with the probability of reaching it, the current and required average annual rate of reduction (AARR, %/yr) and the year the median crosses it; these outlook columns repeat on every row of a region. Without targetYear the forecast runs 5 years ahead and the outlook columns are null. Regions without yearly values, or whose latest value is already at or after targetYear, are left out. Forecasts come from the model trained on the data version.";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        .. ExportRegionColumns.All,
        new("year", ExportColumnType.SmallInt, "The year forecast."),
        new("horizon", ExportColumnType.SmallInt, "Years after the latest value."),
        new("value", ExportColumnType.DoublePrecision, "The median projection, in the indicator's unit, rounded to the precision the data supports."),
        new("lower80", ExportColumnType.DoublePrecision, "The lower bound of the 80% prediction interval."),
        new("upper80", ExportColumnType.DoublePrecision, "The upper bound of the 80% prediction interval."),
        new("lower95", ExportColumnType.DoublePrecision, "The lower bound of the 95% prediction interval."),
        new("upper95", ExportColumnType.DoublePrecision, "The upper bound of the 95% prediction interval."),
        new("unit", ExportColumnType.Text, "The indicator's unit."),
        new("latest_year", ExportColumnType.SmallInt, "The year of the latest value the forecast starts from."),
        new("latest_value", ExportColumnType.DoublePrecision, "The latest value."),
        new("method", ExportColumnType.Text, "The forecasting method, as GraphQL's ForecastMethod: HIERARCHICAL, GLOBAL, NAIVE, ..."),
        new("reliability", ExportColumnType.Text, "HIGH, MODERATE or LOW: how far the numbers can be trusted (GraphQL warnings say why)."),
        new("projected_survey", ExportColumnType.Text, "The survey whose reading the forecast projects.", Nullable: true),
        .. OutlookColumns.Target,
        new("warnings", ExportColumnType.Text, "The kinds of the forecast's warnings, separated by semicolons (GraphQL's WarningKind).", Nullable: true),
        new("is_synthetic", ExportColumnType.Boolean, "True when the series contains synthetic values."),
        new("model_data_version", ExportColumnType.Integer32, "The data version the model was trained on."),
    ];

    public IReadOnlyList<ExportFilterInfo> Filters { get; } =
        [ExportFilterInfo.Indicator, ExportFilterInfo.Region, ExportFilterInfo.Parent, ExportFilterInfo.Level, ExportFilterInfo.TargetYear];

    public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ForecastScope.Validate(Name, filter);
    }

    public ExportQuery BuildQuery(ExportFilter filter) => ExportStaging.Select(Columns);

    public string Revision(ExportFilter filter, CancellationToken cancellationToken) => scope.Revision(filter);

    public IEnumerable<object?[]> ComputeRows(ExportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var catalog = scope.Catalog(cancellationToken);
        var regions = scope.Regions(filter, catalog, cancellationToken);
        foreach (var indicator in ForecastScope.Indicators(filter, catalog))
        {
            foreach (var region in regions.Where(r => forecasts.CanForecast(indicator, r.Code, cancellationToken)))
            {
                ForecastAnswer answer;
                try
                {
                    answer = forecasts.Forecast(indicator, region, DefaultHorizon, filter.TargetYear, null, cancellationToken: cancellationToken);
                }
                catch (UserInputException)
                {
                    // A target year the series already covers: left out, as outlooks leaves it out.
                    continue;
                }
                var result = answer.Result;
                var outlook = OutlookColumns.TargetValues(answer);
                var warnings = result.Warnings.Count == 0 ? null : string.Join("; ", result.Warnings.Select(w => w.Kind.ConstantCase()).Distinct());
                foreach (var point in result.Points)
                {
                    yield return
                    [
                        .. ForecastScope.RegionValues(indicator, region),
                        (short)point.Year, (short)point.Horizon, point.Median,
                        point.Interval80.Lower, point.Interval80.Upper, point.Interval95.Lower, point.Interval95.Upper,
                        indicator.Unit, (short)result.Latest.Year, result.Latest.Value,
                        result.Method.ConstantCase(), result.Reliability.ConstantCase(), result.ProjectedSurvey,
                        .. outlook,
                        warnings, answer.IsSynthetic, answer.Model.DataVersion,
                    ];
                }
            }
        }
    }
}
