using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Targets;

/// <summary>A target to set (or revise) for a whole year.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Region">The region.</param>
/// <param name="Year">The target year.</param>
/// <param name="Value">The value to reach.</param>
/// <param name="Plan">The plan that sets it (RPJMD 2025-2029, say); <see cref="TargetWriter.DefaultPlan"/> when null.</param>
/// <param name="SourceId">Where it is published; <see cref="TargetWriter.DefaultSourceId"/> when null.</param>
/// <param name="Note">A note.</param>
public sealed record TargetEdit(string IndicatorCode, RegionCode Region, int Year, double Value, string? Plan = null, string? SourceId = null, string? Note = null);
