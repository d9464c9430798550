namespace Kencana.Server.Charts;

/// <summary>
/// The font every chart is drawn in: DejaVu Sans, shipped beside the server (<c>fonts/</c>) and registered with
/// ScottPlot once, so that text renders the same on a developer's machine and in a container without system fonts,
/// where SkiaSharp would otherwise draw no text at all. DejaVu has the glyphs the charts use (– ● ▲).
/// </summary>
internal static class ChartFonts
{
    public const string Family = "Kencana Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fonts");

    /// <summary>Registers the font (once per process) and makes it ScottPlot's default.</summary>
    /// <exception cref="FileNotFoundException">The build did not copy the font beside the server.</exception>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        var regular = Path.Combine(Directory, "DejaVuSans.ttf");
        var bold = Path.Combine(Directory, "DejaVuSans-Bold.ttf");
        foreach (var file in new[] { regular, bold })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The chart font {file} is missing: the build copies Charts/Fonts beside the server.", file);
            }
        }
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }
}
