using Kencana.Server.Forecasting;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;

namespace Kencana.Server.Export;

/// <summary>
/// GraphQL's <c>outlooks</c>: the regions below a parent (or of a level) against their targets for a year, least
/// likely to reach the target first, one row per region, in the ranking GraphQL gives (low-reliability projections
/// after the reliable ones, regions without a target last). Computed by the forecast service, then written by the
/// same format writers as every other dataset (<see cref="IComputedExportDataset"/>).
/// </summary>
internal sealed class OutlooksDataset(ForecastScope scope, ForecastService forecasts) : IComputedExportDataset
{
    public string Name => "outlooks";

    public string Title => "Outlooks: will each region reach its target?";

    public string Description =>
        "One row per region below parent (or of level) with a yearly value before targetYear, in GraphQL outlooks' order: rank 1 is the least likely to reach its target; reliable projections first, low-reliability ones (one or two values, a history borrowed across a boundary change) after them with a rank_note, regions without a target for the year last with an outlook_note. The projection, its 80% and 95% intervals are for targetYear; the target is the region's own for that year, else the nearest enclosing region's. targetYear is required.";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("rank", ExportColumnType.Integer32, "The place in the ranking: 1 is the least likely to reach its target."),
        .. ExportRegionColumns.All,
        new("latest_year", ExportColumnType.SmallInt, "The year of the latest value the forecast starts from."),
        new("latest_value", ExportColumnType.DoublePrecision, "The latest value, in the indicator's unit."),
        new("projected_value", ExportColumnType.DoublePrecision, "The median projection for target_year."),
        new("lower80", ExportColumnType.DoublePrecision, "The lower bound of the 80% prediction interval for target_year."),
        new("upper80", ExportColumnType.DoublePrecision, "The upper bound of the 80% prediction interval for target_year."),
        new("lower95", ExportColumnType.DoublePrecision, "The lower bound of the 95% prediction interval for target_year."),
        new("upper95", ExportColumnType.DoublePrecision, "The upper bound of the 95% prediction interval for target_year."),
        new("unit", ExportColumnType.Text, "The indicator's unit."),
        .. OutlookColumns.Target,
        new("method", ExportColumnType.Text, "The forecasting method, as GraphQL's ForecastMethod: HIERARCHICAL, GLOBAL, NAIVE, ..."),
        new("reliability", ExportColumnType.Text, "HIGH, MODERATE or LOW: how far the numbers can be trusted."),
        new("rank_note", ExportColumnType.Text, "Why the region is ranked apart from the others (low reliability, no target).", Nullable: true),
        new("outlook_note", ExportColumnType.Text, "Why there is no outlook: no target for the year, and the plan targets that exist.", Nullable: true),
        new("is_synthetic", ExportColumnType.Boolean, "True when the series contains synthetic values."),
        new("model_data_version", ExportColumnType.Integer32, "The data version the model was trained on."),
    ];

    public IReadOnlyList<ExportFilterInfo> Filters { get; } =
        [ExportFilterInfo.Indicator, ExportFilterInfo.Parent, ExportFilterInfo.Level, ExportFilterInfo.TargetYear];

    public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ForecastScope.Validate(Name, filter);
        if (filter.TargetYear is null)
        {
            throw new InvalidExportRequestException(new ExportProblem(400, "invalid-parameter", "Invalid parameter value",
                "The outlooks export judges every region against its target for one year: give targetYear, for example targetYear=2029.", ExportParameter.TargetYear));
        }
    }

    public ExportQuery BuildQuery(ExportFilter filter) => ExportStaging.Select(Columns);

    public string Revision(ExportFilter filter, CancellationToken cancellationToken) => scope.Revision(filter);

    public IEnumerable<object?[]> ComputeRows(ExportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var catalog = scope.Catalog(cancellationToken);
        var targetYear = filter.TargetYear ?? throw new InvalidOperationException("Validate requires targetYear.");
        var parents = filter.Parents.Count == 0 ? [null] : filter.Parents.Select(p => (RegionCode?)p).ToList();
        var levels = filter.Levels.Count == 0 ? [null] : filter.Levels.Select(l => (RegionLevel?)l).ToList();
        foreach (var indicator in ForecastScope.Indicators(filter, catalog))
        {
            foreach (var parent in parents)
            {
                foreach (var level in levels)
                {
                    var rank = 0;
                    foreach (var answer in forecasts.Outlooks(indicator, parent, level, targetYear, cancellationToken))
                    {
                        var result = answer.Result;
                        var point = result.Points.FirstOrDefault(p => p.Year == targetYear) ?? result.Points[^1];
                        yield return
                        [
                            ++rank,
                            .. ForecastScope.RegionValues(indicator, answer.Region),
                            (short)result.Latest.Year, result.Latest.Value,
                            point.Median, point.Interval80.Lower, point.Interval80.Upper, point.Interval95.Lower, point.Interval95.Upper,
                            indicator.Unit,
                            .. OutlookColumns.TargetValues(answer),
                            result.Method.ConstantCase(), result.Reliability.ConstantCase(), answer.RankNote, answer.OutlookNote,
                            answer.IsSynthetic, answer.Model.DataVersion,
                        ];
                    }
                }
            }
        }
    }
}
