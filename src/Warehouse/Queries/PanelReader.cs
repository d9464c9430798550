using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Reads every region's yearly series of an indicator at once: the panel a pooled forecasting model learns from.</summary>
public sealed class PanelReader(WarehouseDatabase database)
{
    /// <summary>The default whole-year values of an indicator for every region that has any, grouped by region.</summary>
    public IReadOnlyList<YearlySeries> GetYearly(string indicatorCode, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            """
            SELECT o.region_code, r.level::VARCHAR AS level, o.year, o.value, o.is_synthetic, o.survey
            FROM observations o JOIN regions r ON r.code = o.region_code
            WHERE o.indicator_code = $indicator AND o.period = 'YEAR' AND o.is_default
            ORDER BY o.region_code, o.year
            """,
            r => (Region: RegionCode.Parse(r.GetString(0)), Level: RegionLevels.FromStorageName(r.GetString(1)), Year: (int)r.GetInt16(2), Value: r.GetDouble(3), Synthetic: r.GetBoolean(4), Survey: r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken, ("indicator", indicatorCode))
            .GroupBy(x => (x.Region, x.Level))
            .Select(g => new YearlySeries(g.Key.Region, g.Key.Level, [.. g.Select(x => (x.Year, x.Value, x.Survey))], g.Any(x => x.Synthetic)))];
    }
}

/// <summary>One region's yearly values of an indicator.</summary>
/// <param name="Region">The region.</param>
/// <param name="Level">Its level.</param>
/// <param name="Points">Year, value and the survey the value comes from (null when not recorded), oldest first.</param>
/// <param name="IsSynthetic">True when any value is synthetic.</param>
public sealed record YearlySeries(RegionCode Region, RegionLevel Level, IReadOnlyList<(int Year, double Value, string? Survey)> Points, bool IsSynthetic);
