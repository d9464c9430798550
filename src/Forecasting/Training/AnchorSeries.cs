using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Training;

/// <summary>An anchor series as a model archive keeps it: the region and its points.</summary>
/// <param name="Region">The region.</param>
/// <param name="Points">Its observations.</param>
internal sealed record AnchorSeries(RegionIdentity Region, IReadOnlyList<SeriesPoint> Points);
