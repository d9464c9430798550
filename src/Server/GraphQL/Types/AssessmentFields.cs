using GraphQL.Types;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Types;

/// <summary>The fields that judge a value against its target, shared by achievement rows and scorecard lines.</summary>
internal static class AssessmentFields
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, Assessment> assessment)
    {
        type.Field<ObservationGraphType>("value").Description("The default value for the period, with its source; null when there is none.")
            .Resolve(ctx => assessment(ctx.Source).Value);
        type.Field<TargetPointGraphType>("target").Description("The target that applies: the region's own, else the nearest enclosing region's (province, then nation).")
            .Resolve(ctx => assessment(ctx.Source).Target?.Target);
        type.Field<StringGraphType>("targetRegionCode").Description("The region whose target applies; differs from this region when the target is inherited.")
            .Resolve(ctx => assessment(ctx.Source).Target?.Target.RegionCode.Value);
        type.Field<BooleanGraphType>("targetIsInherited").Description("True when the target was set for an enclosing region, not this one.")
            .Resolve(ctx => assessment(ctx.Source).Target?.IsInherited);
        type.Field<FloatGraphType>("gap").Description("Value minus target, in the indicator's unit; for indicators where lower is better, negative means ahead of target.")
            .Resolve(ctx => assessment(ctx.Source).Gap);
        type.Field<BooleanGraphType>("achieved").Description("True when the value meets the target in the indicator's direction (tercapai); null when the value or the target is missing.")
            .Resolve(ctx => assessment(ctx.Source).Achieved);
    }
}
