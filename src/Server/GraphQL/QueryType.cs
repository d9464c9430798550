using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Server.GraphQL.Types.Results;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;

namespace Kencana.Server.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Bangga Kencana and stunting indicators by region and period, every value with its source.";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorGraphType>>>>("indicators")
            .Description("The indicator catalogue / katalog indikator.")
            .Resolve(ctx => ctx.Service<IndicatorCatalog>().GetAll());

        Field<IndicatorGraphType>("indicator")
            .Description("One indicator by code; null when unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The indicator code, for example STUNTING.")
            .Resolve(ctx => ctx.Service<IndicatorCatalog>().Find(ctx.GetArgument<string>("code")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .Description($"Regions by level and parent, in code order / daftar wilayah. At most {RegionDirectory.MaxPageSize} per call: page with offset.")
            .Argument<RegionLevelGraphType>("level", "Only regions of this level.")
            .Argument<StringGraphType>("parentCode", "Only regions directly below this Kemendagri code, for example 64 for the kabupaten/kota of Kalimantan Timur.")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 1 to {RegionDirectory.MaxPageSize}."; a.DefaultValue = RegionDirectory.MaxPageSize; })
            .Argument<IntGraphType>("offset", a => { a.Description = "How many to skip."; a.DefaultValue = 0; })
            .Resolve(ctx =>
            {
                var parent = ctx.OptionalRegionCodeArgument("parentCode");
                return ctx.Service<RegionDirectory>().List(ctx.GetArgument<RegionLevel?>("level"), parent, ctx.PageSize(), ctx.Offset());
            });

        Field<RegionGraphType>("region")
            .Description("One region by Kemendagri code; null when no region has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The Kemendagri code, for example 64.74 (Kota Bontang).")
            .Resolve(ctx => ctx.Loader().Region(ctx.RegionCodeArgument("code")));

        Field<NonNullGraphType<SeriesGraphType>>("series")
            .Description("The time series of an indicator for a region / deret waktu: every value with its source, and the targets.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example UNMET_NEED.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code, for example 64.74.")
            .Argument<BooleanGraphType>("preferredOnly", a => { a.Description = "Only the value the default rule picks for each period, without alternatives from other sources."; a.DefaultValue = false; })
            .Resolve(ctx =>
            {
                var indicator = ctx.RequireIndicator("indicator");
                var region = ctx.RequireRegion("region");
                var reader = ctx.Service<SeriesReader>();
                return new Series(
                    indicator,
                    region,
                    reader.GetObservations(indicator.Code, region.Code, ctx.GetArgument("preferredOnly", false)),
                    reader.GetTargets(indicator.Code, region.Code));
            });

        Field<NonNullGraphType<RollupGraphType>>("rollup")
            .Description("A parent's value computed from its children by the indicator's rule (weighted mean by denominator, sum, or refused with a reason), beside the published value.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<StringGraphType>>("parentCode", "The Kemendagri code of the parent region.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Resolve(ctx =>
            {
                var indicator = ctx.RequireIndicator("indicator");
                var parent = ctx.RequireRegion("parentCode");
                var year = ctx.GetArgument<int>("year");
                if (year is < Period.MinYear or > Period.MaxYear)
                {
                    throw new ExecutionError($"Argument 'year' is {year}; use a year from {Period.MinYear} to {Period.MaxYear}.") { Code = "BAD_USER_INPUT" };
                }
                return ctx.Service<RollupCalculator>().Rollup(indicator.Code, parent.Code, new Period(year, ctx.GetArgument("period", SubPeriod.Year)));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources")
            .Description("Every source values cite, by priority / daftar sumber.")
            .Resolve(ctx => ctx.Service<SourceCatalog>().GetAll());

        Field<DataVersionGraphType>("dataVersion")
            .Description("The newest data version: what the answers are as of.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().Latest());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataVersionGraphType>>>>("dataVersions")
            .Description("Every data version, newest first.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().GetAll());
    }
}
