using Kencana.Server.Localization;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;
using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// The regions directly below a parent ranked on an indicator for a year, each bar against the target that applies
/// to it (its own, else its province's, else the national plan's): GraphQL's <c>achievement</c>, drawn. Bars that
/// miss their target are hatched as well as coloured, and the target is a black tick on each bar.
/// </summary>
internal sealed class AchievementChart(CatalogCache catalogs, AchievementRanking ranking, PlannerTexts texts) : IChart
{
    public string Name => "achievement";

    public IReadOnlyList<string> Parameters { get; } = ["indicator", "parentCode", "year"];

    public ChartDrawing Prepare(ChartRequest request, CancellationToken cancellationToken)
    {
        var catalog = catalogs.Current(cancellationToken);
        var indicator = ChartSubjects.Indicator(request, catalog, texts);
        var parent = ChartSubjects.Region(request, catalog, texts, "parentCode");
        var year = request.RequiredInteger("year", Period.MinYear, Period.MaxYear);
        var report = ranking.Rank(indicator.Code, new Period(year), parent.Code, null, cancellationToken: cancellationToken);
        if (report.Rows.Count == 0)
        {
            throw new ChartProblemException(404, "no-data", "No data", texts.Get("ranking.empty", request.Language), "year");
        }
        return new ChartDrawing("", () => Draw(request.Language, indicator, parent, year, report, catalog));
    }

    private Plot Draw(Language language, Indicator indicator, Region parent, int year, AchievementReport report, CatalogSnapshot catalog)
    {
        var scope = parent.Code == RegionCode.Nation
            ? texts.Get("children.NATION", language)
            : texts.Get("children." + parent.Level.ToString().ToUpperInvariant(), language, parent.Name);
        var title = texts.Get("ranking.title", language, scope, indicator.Name(language), year);
        var decimals = report.Rows.Select(r => Decimals(r.Assessment.Value!.Value)).DefaultIfEmpty(1).Max();
        var footer = new List<string>();
        if (report.RegionsWithoutValue.Count > 0)
        {
            var names = report.RegionsWithoutValue.Select(c => catalog.Regions.TryGetValue(c, out var r) ? r.Name : c.Value).ToList();
            footer.Add(texts.Get("ranking.withoutValue", language, string.Join(", ", names.Take(8)) + (names.Count > 8 ? ", …" : "")));
        }
        var sources = report.Rows.Select(r => r.Assessment.Value!.SourceId)
            .Concat(report.Rows.Where(r => r.Assessment.Target is not null).Select(r => r.Assessment.Target!.Target.SourceId));
        footer.Add(ChartSubjects.SourceLine(sources, catalog, texts, language));

        var plot = ChartFrame.Create(title, footer, indicator.Unit(texts, language), "");
        ChartFrame.ValueTicks(plot.Axes.Bottom, language, indicator.IsPercent ? 0 : decimals);
        var rows = report.Rows;
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var targets = new List<Coordinates>();
        for (var i = 0; i < rows.Count; i++)
        {
            // The best rank at the top.
            var position = rows.Count - i;
            var assessment = rows[i].Assessment;
            var color = assessment.Achieved switch { true => ChartPalette.Achieved, false => ChartPalette.NotAchieved, _ => ChartPalette.NoTarget };
            bars.Add(new Bar
            {
                Position = position,
                Value = assessment.Value!.Value,
                FillColor = color,
                FillHatch = assessment.Achieved == false ? new ScottPlot.Hatches.Striped() : null,
                FillHatchColor = Colors.White.WithAlpha(0.55),
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
                Label = ChartFrame.Value(assessment.Value.Value, indicator.Unit, decimals, language),
            });
            var name = catalog.Regions.TryGetValue(rows[i].Region, out var region) ? region.Name : rows[i].Region.Value;
            ticks.Add(new Tick(position, $"{rows[i].Rank}. {name}"));
            if (assessment.Target is { } target)
            {
                targets.Add(new Coordinates(target.Target.Value, position));
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 12;
        if (targets.Count > 0)
        {
            plot.Add.Markers(targets.ToArray(), MarkerShape.VerticalBar, 22, ChartPalette.Observed).MarkerLineWidth = 3;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.02, top: 0.02);
        plot.Axes.SetLimitsX(0, Math.Max(rows.Max(r => r.Assessment.Value!.Value), targets.Select(t => t.X).DefaultIfEmpty(0).Max()) * 1.15);
        plot.HideGrid();
        plot.Axes.Bottom.MajorTickStyle.Length = 4;

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("status.achieved", language), FillColor = ChartPalette.Achieved });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("status.notAchieved", language), FillColor = ChartPalette.NotAchieved, FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = Colors.White.WithAlpha(0.55) });
        if (rows.Any(r => r.Assessment.Target is null))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("status.noTarget", language), FillColor = ChartPalette.NoTarget });
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.Get("ranking.target", language), MarkerShape = MarkerShape.VerticalBar, MarkerColor = ChartPalette.Observed, MarkerSize = 14, MarkerLineWidth = 3 });
        // Beside the bars, never over the longest.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static int Decimals(double value)
    {
        var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : Math.Min(text.Length - dot - 1, 2);
    }
}
