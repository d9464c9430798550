namespace Kencana.Server.Charts;

/// <summary>The image formats a chart is drawn in.</summary>
public enum ChartFormat
{
    /// <summary>A PNG bitmap of exactly the asked size, for Word, PowerPoint and e-mail.</summary>
    Png,
    /// <summary>SVG, which stays sharp when a report scales it.</summary>
    Svg,
}

/// <summary>The extensions and media types of <see cref="ChartFormat"/>.</summary>
public static class ChartFormats
{
    public static string Extension(this ChartFormat format) => format == ChartFormat.Svg ? "svg" : "png";

    public static string MediaType(this ChartFormat format) => format == ChartFormat.Svg ? "image/svg+xml" : "image/png";

    public static bool TryParse(string? extension, out ChartFormat format)
    {
        format = string.Equals(extension, "svg", StringComparison.OrdinalIgnoreCase) ? ChartFormat.Svg : ChartFormat.Png;
        return string.Equals(extension, "svg", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, "png", StringComparison.OrdinalIgnoreCase);
    }
}
