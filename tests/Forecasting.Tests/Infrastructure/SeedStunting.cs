using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Tests.Infrastructure;

/// <summary>The real stunting values of data/seed/observations.csv (SSGI, SKI, SSGBI; the preferred value where two
/// sources disagree), typed in so the tests do not depend on the seed files.</summary>
internal static class SeedStunting
{
    public static readonly IndicatorProfile Indicator = new("STUNTING", UnitKind.Percent, BetterWhen.Lower);

    public static Series National { get; } = new(
        Indicator,
        new RegionIdentity("0", AdminLevel.Nation),
        [new(2021, 24.4), new(2022, 21.6), new(2023, 21.5), new(2024, 19.8)]);

    public static SeriesPanel Panel { get; } = new(Indicator,
    [
        National,
        Region("64", AdminLevel.Province, (2019, 28.09), (2021, 22.8), (2022, 23.9), (2023, 22.9), (2024, 22.2)),
        Region("64.01", AdminLevel.Regency, (2021, 23.6), (2022, 24.9), (2023, 22.4)),
        Region("64.02", AdminLevel.Regency, (2021, 26.4), (2022, 27.1), (2024, 14.2)),
        Region("64.03", AdminLevel.Regency, (2021, 25.7), (2022, 21.0)),
        Region("64.07", AdminLevel.Regency, (2021, 15.8), (2024, 21.0)),
        Region("64.08", AdminLevel.Regency, (2021, 27.5), (2022, 24.7), (2023, 29.0), (2024, 20.6)),
        Region("64.09", AdminLevel.Regency, (2021, 27.3), (2022, 21.8), (2024, 21.9)),
        Region("64.11", AdminLevel.Regency, (2021, 20.3), (2022, 14.8)),
        Region("64.71", AdminLevel.City, (2021, 17.6), (2022, 19.6), (2024, 24.8)),
        Region("64.72", AdminLevel.City, (2021, 21.6), (2022, 25.3), (2024, 20.3)),
        Region("64.74", AdminLevel.City, (2021, 26.3), (2022, 21.0), (2024, 20.7)),
    ]);

    private static Series Region(string code, AdminLevel level, params (int Year, double Value)[] points) => new(
        Indicator,
        new RegionIdentity(code, level, level == AdminLevel.Nation ? null : "64"),
        points.Select(p => new SeriesPoint(p.Year, p.Value)));
}
