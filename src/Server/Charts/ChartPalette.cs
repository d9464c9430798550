using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// The planner page's colours (<c>Planner/Web/planner.js</c>), so that an image pasted into a report matches the
/// page: Okabe-Ito for categories, readable with every common colour-vision deficiency, and viridis for the map,
/// ordered in lightness so that it reads in grey print too. Shapes and hatching repeat what colour says.
/// </summary>
internal static class ChartPalette
{
    public static readonly Color Achieved = Color.FromHex("#0072B2");
    public static readonly Color NotAchieved = Color.FromHex("#D55E00");
    public static readonly Color NoTarget = Color.FromHex("#999999");
    public static readonly Color Observed = Color.FromHex("#000000");
    public static readonly Color Median = Color.FromHex("#0072B2");
    public static readonly Color Band80 = Color.FromHex("#56B4E9");
    public static readonly Color Band95 = Color.FromHex("#C6E3F5");
    public static readonly Color Target = Color.FromHex("#D55E00");
    public static readonly Color NoValue = Color.FromHex("#E6E6E6");

    /// <summary>viridis in six steps, light (low values) to dark (high values).</summary>
    public static readonly IReadOnlyList<Color> Sequential =
        [Color.FromHex("#fde725"), Color.FromHex("#7ad151"), Color.FromHex("#22a884"), Color.FromHex("#2a788e"), Color.FromHex("#414487"), Color.FromHex("#440154")];
}
