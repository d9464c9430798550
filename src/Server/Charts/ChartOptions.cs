namespace Kencana.Server.Charts;

/// <summary>The chart images' limits and defaults (configuration section <c>Charts</c>).</summary>
public sealed class ChartOptions
{
    public const string Section = "Charts";

    /// <summary>The smallest width or height a request may ask for, in pixels.</summary>
    public int MinSize { get; set; } = 200;

    /// <summary>
    /// The largest width or height, in pixels: 3000 x 3000 is a 36 MB bitmap while it is drawn, so a handful of
    /// concurrent requests cannot take the server's memory.
    /// </summary>
    public int MaxSize { get; set; } = 3000;

    /// <summary>The width without <c>width</c>: about a page's width at print resolution.</summary>
    public int DefaultWidth { get; set; } = 1200;

    /// <summary>The height without <c>height</c>.</summary>
    public int DefaultHeight { get; set; } = 700;

    /// <summary>How many years ahead a forecast chart projects without <c>targetYear</c>.</summary>
    public int DefaultHorizon { get; set; } = 5;

    /// <exception cref="InvalidOperationException">The limits contradict each other.</exception>
    public void Validate()
    {
        if (MinSize < 50 || MaxSize < MinSize || MaxSize > 10_000)
        {
            throw new InvalidOperationException($"Charts:MinSize ({MinSize}) and Charts:MaxSize ({MaxSize}) must satisfy 50 <= MinSize <= MaxSize <= 10000.");
        }
        if (DefaultWidth < MinSize || DefaultWidth > MaxSize || DefaultHeight < MinSize || DefaultHeight > MaxSize)
        {
            throw new InvalidOperationException($"Charts:DefaultWidth ({DefaultWidth}) and Charts:DefaultHeight ({DefaultHeight}) must lie within Charts:MinSize..MaxSize ({MinSize}..{MaxSize}).");
        }
        if (DefaultHorizon < 1)
        {
            throw new InvalidOperationException($"Charts:DefaultHorizon ({DefaultHorizon}) must be at least 1.");
        }
    }
}
