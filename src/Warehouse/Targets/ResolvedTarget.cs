using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Targets;

/// <summary>The target that applies to a region: its own, or else the nearest enclosing region's (a kabupaten without a
/// target of its own is held to its province's, then to the national plan).</summary>
/// <param name="Target">The target.</param>
/// <param name="AppliesTo">The region it is judged for.</param>
public sealed record ResolvedTarget(Target Target, RegionCode AppliesTo)
{
    /// <summary>True when the target was set for an enclosing region, not for this one.</summary>
    public bool IsInherited => Target.RegionCode != AppliesTo;
}
