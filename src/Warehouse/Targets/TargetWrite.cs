using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Targets;

/// <summary>What a target write did.</summary>
/// <param name="Before">The target before the write; null when there was none.</param>
/// <param name="After">The target after it; null when it was retired.</param>
/// <param name="DataVersion">The data version the write created, or the current one when nothing changed.</param>
/// <param name="Changed">False when the target already held exactly this value, plan, source and note.</param>
public sealed record TargetWrite(Target? Before, Target? After, int DataVersion, bool Changed);
