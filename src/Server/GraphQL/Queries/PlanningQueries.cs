using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>For planners: regions against their targets.</summary>
internal static class PlanningQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AchievementGraphType>>("achievement")
            .Description("Regions ranked on an indicator for a period, each with its value, the target that applies (its own, else its province's, else the national plan's), the gap, whether it is achieved, and its rank.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Argument<StringGraphType>("parentCode", "Rank the regions directly below this one, for example 64 for Kalimantan Timur's kabupaten/kota; with level, the regions of that level anywhere below it.")
            .Argument<RegionLevelGraphType>("level", "Rank regions of this level; with parentCode, only those anywhere below it (VILLAGE with 64: every desa of Kalimantan Timur).")
            .Argument<StringGraphType>("plan", "Judge against this plan's targets only; by default the nearest target of any plan.")
            .Resolve(ctx =>
            {
                var indicator = ctx.RequireIndicator("indicator");
                var parent = ctx.GetArgument<string?>("parentCode") is null ? (RegionCode?)null : ctx.RequireRegion("parentCode").Code;
                var level = ctx.GetArgument<RegionLevel?>("level");
                if (parent is null && level is null)
                {
                    throw new UserInputException(ErrorCodes.BadUserInput, "Give parentCode or level: ranking every region of Indonesia together mixes provinces with desa.", "parentCode");
                }
                return ctx.Service<AchievementRanking>().Rank(indicator.Code, ctx.PeriodArguments(), parent, level is { } l ? [l] : null, ctx.GetArgument<string?>("plan"), ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<ScorecardGraphType>>("scorecard")
            .Description("Every indicator of a region against its target for a period: the IKU scorecard / kartu capaian IKU. For many regions at once, ask for Region.scorecard under regions.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Argument<StringGraphType>("plan", "Judge against this plan's targets only; by default the nearest target of any plan.")
            .Resolve(ctx => ctx.Loader().Scorecard(ctx.RequireRegion("region").Code, ctx.PeriodArguments(), ctx.GetArgument<string?>("plan")));
    }
}
