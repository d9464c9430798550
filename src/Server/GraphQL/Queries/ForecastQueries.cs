using GraphQL;
using GraphQL.Types;
using Kencana.Server.Forecasting;
using Kencana.Server.GraphQL.Caching;
using Kencana.Server.GraphQL.Types;
using Kencana.Server.GraphQL.Types.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>Forecasts of indicators, and outlooks against their targets.</summary>
internal static class ForecastQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ForecastGraphType>>("forecast")
            .Description("A projection of an indicator for a region with 80% and 95% intervals and, given a target year, the outlook against the target: the stored target for that region and year, else the nearest enclosing region's (the national plan). Will Kota Bontang reach 14% stunting by 2029?")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example STUNTING.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code.")
            .Argument<IntGraphType>("horizon", a => { a.Description = "How many years ahead of the latest value; extended to reach targetYear."; a.DefaultValue = 5; })
            .Argument<IntGraphType>("targetYear", "The year the target is for.")
            .Argument<FloatGraphType>("target", "A target value to judge against instead of the stored one (needs targetYear).")
            .Argument<StringGraphType>("nextSurvey", "The survey the next reading will come from, for example SKI 2023. When it differs from the latest value's survey the intervals are widened for the change of design; without it the forecast projects a reading of the latest value's survey (see projectedSurvey).")
            .Resolve(ctx =>
            {
                ctx.UserContext[ResponseCache.NotCacheableKey] = true;
                return ctx.Service<ForecastService>().Forecast(
                    ctx.RequireIndicator("indicator"), ctx.RequireRegion("region"), ctx.GetArgument("horizon", 5), ctx.GetArgument<int?>("targetYear"), ctx.GetArgument<double?>("target"), ctx.GetArgument<string?>("nextSurvey"), ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastGraphType>>>>("outlooks")
            .Description("Outlooks of the regions below a parent (or of a level) against their targets for a year, least likely to make it first. Low-reliability projections (one or two points, a history borrowed across a boundary change) follow the reliable ones in a ranking of their own, each with a rankNote saying so. Regions with a value but no target for the year come last, with outlookNote saying why and planTargets naming the targets that exist. Regions without a value are left out.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<StringGraphType>("parentCode", "The regions directly below this one.")
            .Argument<RegionLevelGraphType>("level", "Regions of this level.")
            .Argument<NonNullGraphType<IntGraphType>>("targetYear", "The year the targets are for, for example 2029.")
            .Resolve(ctx =>
            {
                ctx.UserContext[ResponseCache.NotCacheableKey] = true;
                var parent = ctx.GetArgument<string?>("parentCode") is null ? (RegionCode?)null : ctx.RequireRegion("parentCode").Code;
                var level = ctx.GetArgument<RegionLevel?>("level");
                if (parent is null && level is null)
                {
                    throw new UserInputException(ErrorCodes.BadUserInput, "Give parentCode or level.", "parentCode");
                }
                return ctx.Service<ForecastService>().Outlooks(ctx.RequireIndicator("indicator"), parent, level, ctx.GetArgument<int>("targetYear"), ctx.CancellationToken);
            });
    }
}
