using Kencana.Server.Localization;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;
using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// The 38 provinces coloured by their value for a year (viridis in six equal steps, grey without a value), with ●
/// where a province meets its target and ▲ where it does not, as on the planner page; the numbers are GraphQL's
/// <c>achievement(parentCode: "0")</c>, and the boundaries' CC BY 4.0 attribution is drawn under the map.
/// </summary>
internal sealed class MapChart(CatalogCache catalogs, AchievementRanking ranking, ProvinceBoundaries boundaries, PlannerTexts texts) : IChart
{
    private const int Classes = 6;

    public string Name => "map";

    public IReadOnlyList<string> Parameters { get; } = ["indicator", "year"];

    public ChartDrawing Prepare(ChartRequest request, CancellationToken cancellationToken)
    {
        var catalog = catalogs.Current(cancellationToken);
        var indicator = ChartSubjects.Indicator(request, catalog, texts);
        var year = request.RequiredInteger("year", Period.MinYear, Period.MaxYear);
        var report = ranking.Rank(indicator.Code, new Period(year), RegionCode.Nation, [RegionLevel.Province], cancellationToken: cancellationToken);
        return new ChartDrawing("", () => Draw(request.Language, indicator, year, report, catalog));
    }

    private Plot Draw(Language language, Indicator indicator, int year, AchievementReport report, CatalogSnapshot catalog)
    {
        var rows = report.Rows.ToDictionary(r => r.Region);
        var values = rows.Values.Select(r => r.Assessment.Value!.Value).ToList();
        double low = values.DefaultIfEmpty(0).Min(), high = values.DefaultIfEmpty(0).Max();
        var step = high > low ? (high - low) / Classes : 1;
        var decimals = indicator.IsPercent ? 1 : 2;

        var footer = new List<string>
        {
            texts.Get("map.provincesWithValue", language, rows.Count, boundaries.Provinces.Count, rows.Values.Count(r => r.Assessment.Achieved == true)),
            ChartSubjects.SourceLine(rows.Values.Select(r => r.Assessment.Value!.SourceId)
                .Concat(rows.Values.Where(r => r.Assessment.Target is not null).Select(r => r.Assessment.Target!.Target.SourceId)), catalog, texts, language),
            texts.Get("map.attribution", language),
        };
        var plot = ChartFrame.Create(texts.Get("map.title", language, indicator.Name(language), year), footer, "", "");
        foreach (var (code, rings) in boundaries.Provinces)
        {
            var fill = rows.TryGetValue(code, out var row) ? ChartPalette.Sequential[ClassOf(row.Assessment.Value!.Value, low, step)] : ChartPalette.NoValue;
            foreach (var ring in rings)
            {
                var polygon = plot.Add.Polygon(ring);
                polygon.FillColor = fill;
                polygon.LineColor = Colors.White;
                polygon.LineWidth = 0.6f;
            }
            if (row?.Assessment.Achieved is { } achieved)
            {
                var largest = rings.MaxBy(r => r.Length)!;
                var centre = new Coordinates(largest.Average(c => c.X), largest.Average(c => c.Y));
                var marker = plot.Add.Marker(centre, achieved ? MarkerShape.FilledCircle : MarkerShape.FilledTriangleUp, 11);
                marker.MarkerFillColor = achieved ? Colors.White : Colors.Black;
                marker.MarkerLineColor = achieved ? Colors.Black : Colors.White;
                marker.MarkerLineWidth = 1.5f;
            }
        }

        for (var i = 0; i < Classes && rows.Count > 0; i++)
        {
            var from = low + (i * step);
            var to = i == Classes - 1 ? high : from + step;
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{ChartFrame.Value(from, indicator.Unit, decimals, language)} – {ChartFrame.Value(to, indicator.Unit, decimals, language)}",
                FillColor = ChartPalette.Sequential[i],
            });
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("map.noValue", language), FillColor = ChartPalette.NoValue });
        // The texts carry their own symbol (● tercapai, ▲ belum tercapai), as on the page.
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("map.legendAchieved", language) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("map.legendNotAchieved", language) });
        plot.ShowLegend(Alignment.LowerLeft);

        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.FrameWidth(0);
        return plot;
    }

    private static int ClassOf(double value, double low, double step) => Math.Clamp((int)Math.Floor((value - low) / step), 0, Classes - 1);
}
