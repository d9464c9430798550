using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Targets;

/// <summary>A value judged against its target by the indicator's direction.</summary>
/// <param name="Value">The default observation, if there is one.</param>
/// <param name="Target">The applicable target, if there is one.</param>
/// <param name="Direction">Which way the indicator improves.</param>
public sealed record Assessment(Observation? Value, ResolvedTarget? Target, Direction Direction)
{
    /// <summary>Value minus target; negative is good for indicators where lower is better.</summary>
    public double? Gap => Value is not null && Target is not null ? Math.Round(Value.Value - Target.Target.Value, 6) : null;

    /// <summary>True when the value meets the target in the indicator's direction; null when either is missing.</summary>
    public bool? Achieved => Value is null || Target is null
        ? null
        : Direction == Direction.LowerIsBetter ? Value.Value <= Target.Target.Value : Value.Value >= Target.Target.Value;
}
