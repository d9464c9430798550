using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Hierarchy;

/// <summary>What a region's parent and the nation showed up to a forecast origin: the series a short history borrows
/// its trend and level from.</summary>
/// <param name="Parent">The parent's points up to the origin (the nation's for a province), or null.</param>
/// <param name="Nation">The nation's points up to the origin, or null (for the nation itself too).</param>
internal readonly record struct AnchorView(TransformedHistory? Parent, TransformedHistory? Nation);
