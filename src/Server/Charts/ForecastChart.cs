using System.Globalization;
using Kencana.Server.Forecasting;
using Kencana.Server.Localization;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// A region's published values and its forecast fan: the 80% and 95% intervals, the median projection, the target
/// line and the year the projection crosses it, with the method, reliability and probability in the footer. The
/// numbers are those of GraphQL's <c>forecast</c> and <c>series</c>.
/// </summary>
internal sealed class ForecastChart(CatalogCache catalogs, ForecastService forecasts, SeriesReader series, PlannerTexts texts, ChartOptions options) : IChart
{
    public string Name => "forecast";

    public IReadOnlyList<string> Parameters { get; } = ["indicator", "region", "targetYear", "horizon"];

    public ChartDrawing Prepare(ChartRequest request, CancellationToken cancellationToken)
    {
        var catalog = catalogs.Current(cancellationToken);
        var indicator = ChartSubjects.Indicator(request, catalog, texts);
        var region = ChartSubjects.Region(request, catalog, texts, "region");
        var targetYear = request.OptionalInteger("targetYear", Period.MinYear, Period.MaxYear);
        var horizon = request.OptionalInteger("horizon", 1, 50) ?? options.DefaultHorizon;
        var answer = forecasts.Forecast(indicator, region, horizon, targetYear, null, cancellationToken: cancellationToken);
        var observed = series.GetObservations(indicator.Code, region.Code, defaultOnly: true, cancellationToken)
            .Where(o => o.Period.Sub == SubPeriod.Year).OrderBy(o => o.Period.Year).ToList();
        var model = answer.Model;
        var dataKey = string.Create(CultureInfo.InvariantCulture, $"model {model.DataVersion} {model.TrainedAt.UtcTicks}");
        return new ChartDrawing(dataKey, () => Draw(request.Language, indicator, region, answer, observed, catalog));
    }

    private Plot Draw(Language language, Indicator indicator, Region region, ForecastAnswer answer, List<Observation> observed, CatalogSnapshot catalog)
    {
        var result = answer.Result;
        var decimals = result.SuggestedDecimals;
        var outlook = result.Outlook;
        var first = observed.Count > 0 ? observed[0].Period.Year : result.Latest.Year;
        var last = result.Points.Count > 0 ? result.Points[^1].Year : result.Latest.Year;
        var title = texts.Get("forecast.title", language, indicator.Name(language), $"{region.Name} ({region.Code})") + $", {first}–{last}";

        var footer = new List<string>
        {
            texts.Get("forecast.summary", language, texts.Find("method." + result.Method.ConstantCase(), language) ?? result.Method.ToString(),
                texts.Find("reliability." + result.Reliability.ConstantCase(), language) ?? result.Reliability.ToString()),
        };
        if (outlook is not null)
        {
            footer.Add(texts.Get("chart.forecast.outlook", language,
                ChartFrame.Value(outlook.Target.Value, indicator.Unit, decimals, language), outlook.Target.Year,
                LocalNumbers.Write(100 * outlook.Probability, 0, language, percent: true), Likelihood(outlook.Probability, language),
                outlook.CrossingYear is { } crossing ? texts.Get("forecast.crossingYear", language, crossing) : texts.Get("forecast.noCrossing", language)));
        }
        var sources = observed.Select(o => o.SourceId).Concat(answer.StoredTarget is { } stored ? [stored.Target.SourceId] : []);
        footer.Add(ChartSubjects.SourceLine(sources, catalog, texts, language));

        var plot = ChartFrame.Create(title, footer, texts.Get("column.year", language), indicator.Unit(texts, language));
        ChartFrame.YearTicks(plot.Axes.Bottom);
        ChartFrame.ValueTicks(plot.Axes.Left, language, indicator.IsPercent ? 0 : Math.Min(decimals, 2));

        // The fan starts at the latest value, so that it grows out of the series rather than floating beside it.
        var start = result.Latest;
        double[] years = [start.Year, .. result.Points.Select(p => (double)p.Year)];
        Fill(plot, years, [start.Value, .. result.Points.Select(p => p.Interval95.Lower)], [start.Value, .. result.Points.Select(p => p.Interval95.Upper)],
            ChartPalette.Band95, texts.Get("forecast.band95", language));
        Fill(plot, years, [start.Value, .. result.Points.Select(p => p.Interval80.Lower)], [start.Value, .. result.Points.Select(p => p.Interval80.Upper)],
            ChartPalette.Band80, texts.Get("forecast.band80", language));
        var median = plot.Add.Scatter(years, [start.Value, .. result.Points.Select(p => p.Median)], ChartPalette.Median);
        median.LineWidth = 2.5f;
        median.LinePattern = LinePattern.Dashed;
        median.MarkerSize = 6;
        median.MarkerShape = MarkerShape.OpenCircle;
        median.LegendText = texts.Get("forecast.projection", language);

        if (observed.Count > 0)
        {
            var values = plot.Add.Scatter(observed.Select(o => (double)o.Period.Year).ToArray(), observed.Select(o => o.Value).ToArray(), ChartPalette.Observed);
            values.LineWidth = 2;
            values.MarkerSize = 8;
            values.MarkerShape = MarkerShape.FilledCircle;
            values.LegendText = texts.Get("forecast.observed", language);
        }
        if (outlook is not null)
        {
            var target = plot.Add.HorizontalLine(outlook.Target.Value, 2, ChartPalette.Target, LinePattern.Dashed);
            target.LegendText = texts.Get("forecast.targetLine", language, ChartFrame.Value(outlook.Target.Value, indicator.Unit, decimals, language),
                answer.StoredTarget?.Target.Plan ?? outlook.Target.Year.ToString(CultureInfo.InvariantCulture));
            var marker = plot.Add.Marker(outlook.Target.Year, outlook.Target.Value, MarkerShape.FilledDiamond, 12, ChartPalette.Target);
            marker.LegendText = "";
            if (outlook.CrossingYear is { } crossing)
            {
                var line = plot.Add.VerticalLine(crossing, 1.5f, ChartPalette.Observed, LinePattern.Dotted);
                line.LegendText = texts.Get("forecast.crossing", language, crossing);
            }
        }
        plot.Axes.SetLimitsX(first - 0.5, last + 0.5);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Fill(Plot plot, double[] xs, double[] lower, double[] upper, Color color, string label)
    {
        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = color;
        band.LineWidth = 0;
        band.LegendText = label;
    }

    /// <summary>The IPCC likelihood words the planner page uses.</summary>
    private string Likelihood(double probability, Language language) => texts.Get(probability switch
    {
        < 0.1 => "probability.veryUnlikely",
        < 0.33 => "probability.unlikely",
        <= 0.66 => "probability.evens",
        <= 0.9 => "probability.likely",
        _ => "probability.veryLikely",
    }, language);
}
