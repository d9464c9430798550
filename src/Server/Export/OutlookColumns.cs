using Kencana.Server.Forecasting;
using Kencana.Warehouse.Export;

namespace Kencana.Server.Export;

/// <summary>The target and outlook columns of the <c>forecasts</c> and <c>outlooks</c> exports: which target, and how likely it is reached.</summary>
internal static class OutlookColumns
{
    public static IReadOnlyList<ExportColumn> Target { get; } =
    [
        new("target_year", ExportColumnType.SmallInt, "The year of the target judged against.", Nullable: true),
        new("target", ExportColumnType.DoublePrecision, "The target judged against, in the indicator's unit: the region's own for target_year, else the nearest enclosing region's.", Nullable: true),
        new("target_region_code", ExportColumnType.RegionCode, "The region whose target it is (the region itself, its province, or 0 for the national plan). Text, like region_code.", Nullable: true),
        new("plan", ExportColumnType.Text, "The plan that sets the target, for example RPJMN 2025-2029.", Nullable: true),
        new("target_source_id", ExportColumnType.Text, "The source of the target.", Nullable: true),
        new("probability", ExportColumnType.DoublePrecision, "The probability (0 to 1) that the value in target_year reaches the target in the indicator's direction, from the same calibrated distribution as the intervals.", Nullable: true),
        new("current_aarr", ExportColumnType.DoublePrecision, "The average annual rate of reduction so far (%/yr, positive is a decline), from the log-linear fit to the values.", Nullable: true, Unit: "percent per year"),
        new("required_aarr", ExportColumnType.DoublePrecision, "The AARR needed from the latest value to reach the target in target_year (%/yr).", Nullable: true, Unit: "percent per year"),
        new("crossing_year", ExportColumnType.SmallInt, "The first year the median projection reaches the target; null when it does not within the forecast.", Nullable: true),
        new("on_track", ExportColumnType.Boolean, "True when the median projection for target_year reaches the target (probability at least one half).", Nullable: true),
    ];

    /// <summary>The values of <see cref="Target"/> for a forecast; nulls without an outlook.</summary>
    public static object?[] TargetValues(ForecastAnswer answer)
    {
        if (answer.Result.Outlook is not { } outlook)
        {
            return new object?[Target.Count];
        }
        var stored = answer.StoredTarget;
        return
        [
            (short)outlook.Target.Year, outlook.Target.Value, stored?.Target.RegionCode.Value, stored?.Target.Plan, stored?.Target.SourceId,
            outlook.Probability, outlook.CurrentAarr, outlook.RequiredAarr, outlook.CrossingYear is { } year ? (object?)(short)year : null, outlook.OnTrack,
        ];
    }
}
