using Kencana.Server.Localization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Kencana.Server.Charts;

/// <summary>
/// What every chart image has: the title (indicator, region, year), a footer naming the sources and the data
/// version, the chart font, and tick labels written as the language writes numbers (21,5 in Indonesian).
/// </summary>
internal static class ChartFrame
{
    /// <summary>The size at which text is drawn at its nominal size; larger images scale it up, smaller down.</summary>
    private const double ReferenceWidth = 1200, ReferenceHeight = 700;

    public static Plot Create(string title, IEnumerable<string> footer, string xLabel, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, size: 20);
        plot.Axes.Title.Label.Bold = true;
        // The footer goes under the bottom axis label: one panel that grows with its lines and never covers the data.
        plot.Axes.Bottom.Label.Text = string.Join('\n', new[] { xLabel }.Concat(footer));
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Left.Label.Bold = false;
        return plot;
    }

    /// <summary>Renders at exactly the asked size, scaling text and lines with the image so that a thumbnail and a poster read alike.</summary>
    public static byte[] Render(Plot plot, ChartFormat format, int width, int height)
    {
        plot.ScaleFactor = Math.Clamp(Math.Min(width / ReferenceWidth, height / ReferenceHeight), 0.4, 2.5);
        return format == ChartFormat.Svg
            ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height))
            : plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Whole years on an axis, without thousands separators (2029, not 2,029).</summary>
    public static void YearTicks(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = year => Math.Abs(year - Math.Round(year)) < 1e-9 ? ((int)Math.Round(year)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            IntegerTicksOnly = true,
        };
    }

    /// <summary>Values on an axis as the language writes them.</summary>
    public static void ValueTicks(IAxis axis, Language language, int decimals)
    {
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = value => LocalNumbers.Write(value, decimals, language) };
    }

    /// <summary>A value with its unit, as the planner page writes it: 21,5% or 2,1.</summary>
    public static string Value(double value, string unit, int decimals, Language language) =>
        LocalNumbers.Write(value, decimals, language, percent: unit == "percent");
}
