using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Tests.Infrastructure;

/// <summary>Generated panels of percentage series, every region code marked SYNTHETIC: a logit-linear trend per region
/// (shared in part by its province) plus noise, values rounded to one decimal as surveys publish them.</summary>
internal static class SyntheticPanels
{
    public static readonly IndicatorProfile Stunting = new("STUNTING", UnitKind.Percent, BetterWhen.Lower);

    public static SeriesPanel Regencies(int seed, int regions, int firstYear, int lastYear, IndicatorProfile? indicator = null)
    {
        indicator ??= Stunting;
        var random = new Random(seed);
        var provinceTrend = Enumerable.Range(0, 10).Select(_ => Normal(random, 0, 0.02)).ToArray();
        var series = new List<Series>();
        for (var r = 0; r < regions; r++)
        {
            var province = r % provinceTrend.Length;
            var start = Logit(0.12 + (0.28 * random.NextDouble()));
            var trend = Normal(random, -0.05, 0.03) + provinceTrend[province];
            var noise = 0.03 + (0.07 * random.NextDouble());
            var points = new List<SeriesPoint>();
            for (var year = firstYear; year <= lastYear; year++)
            {
                var z = start + (trend * (year - firstYear)) + Normal(random, 0, noise);
                points.Add(new SeriesPoint(year, Math.Round(100 / (1 + Math.Exp(-z)), 1)));
            }
            var region = new RegionIdentity($"SYNTHETIC.{r:D4}", AdminLevel.Regency, $"SYNTHETIC{province:D2}");
            series.Add(new Series(indicator, region, points));
        }
        return new SeriesPanel(indicator, series);
    }

    /// <summary>The panel cut after <paramref name="lastYear"/>.</summary>
    public static SeriesPanel Until(SeriesPanel panel, int lastYear) => new(
        panel.Indicator,
        panel.Series.Select(s => new Series(s.Indicator, s.Region, s.Points.Where(p => p.Year <= lastYear))));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Normal(Random random, double mean, double sd)
    {
        // Box-Muller: System.Random has no normal draw.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
