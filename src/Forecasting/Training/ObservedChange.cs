namespace Kencana.Forecasting.Training;

/// <summary>The largest change any province showed between two consecutive surveys: the yardstick a short series'
/// projected change is held to.</summary>
/// <param name="RegionCode">The province.</param>
/// <param name="FromYear">The earlier survey's year.</param>
/// <param name="ToYear">The later survey's year.</param>
/// <param name="Change">The absolute change, in the indicator's unit.</param>
public sealed record ObservedChange(string RegionCode, int FromYear, int ToYear, double Change);
