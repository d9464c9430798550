namespace Kencana.Warehouse.Model;

/// <summary>A target value an indicator should reach for a region and period under a plan.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="RegionCode">The region.</param>
/// <param name="Period">The period the target is for.</param>
/// <param name="Value">The target value.</param>
/// <param name="Plan">The plan that sets it, for example <c>RPJMN 2025-2029</c>.</param>
/// <param name="SourceId">Where the target is published.</param>
/// <param name="Note">A note.</param>
/// <param name="DataVersion">The data version that loaded the row.</param>
public sealed record Target(
    string IndicatorCode,
    RegionCode RegionCode,
    Period Period,
    double Value,
    string Plan,
    string SourceId,
    string? Note,
    int DataVersion);
