using Kencana.Forecasting.Input;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Forecasting;

/// <summary>Translates the warehouse's indicators and series into the forecasting library's inputs.</summary>
internal static class ForecastInputs
{
    public static IndicatorProfile Profile(Indicator indicator) => new(
        indicator.Code,
        indicator.Unit switch
        {
            "percent" => UnitKind.Percent,
            "index" => UnitKind.Index,
            "count" => UnitKind.Count,
            _ => UnitKind.Rate,
        },
        indicator.Direction == Direction.LowerIsBetter ? BetterWhen.Lower : BetterWhen.Higher);

    public static Series Series(IndicatorProfile profile, YearlySeries yearly) => new(
        profile,
        new RegionIdentity(
            yearly.Region.Value,
            yearly.Level switch
            {
                RegionLevel.Nation => AdminLevel.Nation,
                RegionLevel.Province => AdminLevel.Province,
                RegionLevel.Regency => AdminLevel.Regency,
                RegionLevel.City => AdminLevel.City,
                RegionLevel.District => AdminLevel.District,
                _ => AdminLevel.Village,
            },
            yearly.Region.Depth >= 1 ? yearly.Region.Value.Split('.')[0] : null),
        [.. yearly.Points.Select(p => new SeriesPoint(p.Year, p.Value))]);
}
