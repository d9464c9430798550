using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Caching;
using Kencana.Server.Identity;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Mutations;

/// <summary>
/// Writes, inside the server (the warehouse's single writer): planners set and retire targets for the regions of
/// their scope, admins for any region. Every write is a new data version with its audit entry.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Writes: targets for planners (within their regions) and admins. Each creates a data version and an audit entry.";

        Field<NonNullGraphType<TargetWriteGraphType>>("setTarget")
            .Description("Sets or revises the target of an indicator for a region and year under a plan (the role planner, for regions within its scope, or admin). Forecast outlooks for the region use it from the answer's data version on.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, such as STUNTING.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code, such as 64.74.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The target year.")
            .Argument<NonNullGraphType<FloatGraphType>>("value", "The value to reach, in the indicator's unit.")
            .Argument<StringGraphType>("plan", $"The plan that sets it, such as RPJMD 2025-2029; '{TargetWriter.DefaultPlan}' when left out. A region may hold targets of several plans for one year.")
            .Argument<StringGraphType>("sourceId", $"The source that publishes the target; the stored target's source, else {TargetWriter.DefaultSourceId}, when left out.")
            .Argument<StringGraphType>("note", "A note kept with the target.")
            .Resolve(ctx =>
            {
                ctx.UserContext[ResponseCache.NotCacheableKey] = true;
                var region = ctx.RegionCodeArgument("region");
                var caller = ctx.RequireTargetWriter(region, "setTarget");
                return ctx.Service<TargetWriter>().Set(
                    new TargetEdit(ctx.GetArgument<string>("indicator"), region, ctx.GetArgument<int>("year"), ctx.GetArgument<double>("value"),
                        ctx.GetArgument<string?>("plan"), ctx.GetArgument<string?>("sourceId"), ctx.GetArgument<string?>("note")),
                    caller.ToAuditActor());
            });

        Field<NonNullGraphType<TargetWriteGraphType>>("retireTarget")
            .Description("Retires (removes) a target of a region for a year (the role planner, for regions within its scope, or admin); the audit trail keeps its value.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The target year.")
            .Argument<StringGraphType>("plan", "The plan whose target to retire; may be left out when the region has one target for that year.")
            .Resolve(ctx =>
            {
                ctx.UserContext[ResponseCache.NotCacheableKey] = true;
                var region = ctx.RegionCodeArgument("region");
                var caller = ctx.RequireTargetWriter(region, "retireTarget");
                return ctx.Service<TargetWriter>().Retire(ctx.GetArgument<string>("indicator"), region, ctx.GetArgument<int>("year"), ctx.GetArgument<string?>("plan"), caller.ToAuditActor());
            });
    }
}
