using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Server.GraphQL.Types.Forecasts;
using Kencana.Server.GraphQL.Types.Results;
using Kencana.Server.Projections;
using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    /// <summary>The most regions compare takes at once.</summary>
    public const int MaxCompareRegions = 50;

    public QueryType()
    {
        Name = "Query";
        Description = "Bangga Kencana and stunting indicators by region and period, every value with its source.";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorGraphType>>>>("indicators")
            .Description("The indicator catalogue / katalog indikator.")
            .Resolve(ctx => ctx.Loader().Indicators);

        Field<IndicatorGraphType>("indicator")
            .Description("One indicator by code; null when unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The indicator code, for example STUNTING.")
            .Resolve(ctx => ctx.Loader().Indicator(ctx.GetArgument<string>("code")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .Description($"Regions by level and parent, in code order / daftar wilayah. At most {RegionDirectory.MaxPageSize} per call: page with offset.")
            .Argument<RegionLevelGraphType>("level", "Only regions of this level.")
            .Argument<StringGraphType>("parentCode", "Only regions directly below this Kemendagri code, for example 64 for the kabupaten/kota of Kalimantan Timur.")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 1 to {RegionDirectory.MaxPageSize}."; a.DefaultValue = RegionDirectory.MaxPageSize; })
            .Argument<IntGraphType>("offset", a => { a.Description = "How many to skip."; a.DefaultValue = 0; })
            .Resolve(ctx => ctx.Service<RegionDirectory>().List(
                ctx.GetArgument<RegionLevel?>("level"), ctx.OptionalRegionCodeArgument("parentCode"), ctx.PageSize(RegionDirectory.MaxPageSize), ctx.Offset(), ctx.CancellationToken));

        Field<RegionGraphType>("region")
            .Description("One region by Kemendagri code; null when no region has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The Kemendagri code, for example 64.74 (Kota Bontang).")
            .Resolve(ctx => ctx.Loader().Region(ctx.RegionCodeArgument("code")));

        Field<NonNullGraphType<SeriesGraphType>>("series")
            .Description("The time series of an indicator for a region / deret waktu: every value with its source, and the targets.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example UNMET_NEED.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code, for example 64.74.")
            .Argument<BooleanGraphType>("preferredOnly", a => { a.Description = "Only the value the default rule picks for each period, without alternatives from other sources."; a.DefaultValue = false; })
            .Resolve(ctx => new SeriesRequest(ctx.RequireIndicator("indicator"), ctx.RequireRegion("region"), ctx.GetArgument("preferredOnly", false), Years: null));

        Field<NonNullGraphType<ObservationConnectionGraphType>>("observations")
            .Description($"Observations by filter, a page at a time (a Relay connection; at most {ObservationSearch.MaxPageSize} per page). Alternatives from every source are included unless where.preferredOnly.")
            .Argument<ObservationFilterInputGraphType>("where", "Which observations.")
            .Argument<ObservationOrderGraphType>("orderBy", a => { a.Description = "The order."; a.DefaultValue = ObservationOrder.RegionThenPeriod; })
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 1 to {ObservationSearch.MaxPageSize}."; a.DefaultValue = 100; })
            .Argument<StringGraphType>("after", "Continue after this cursor (pageInfo.endCursor of the previous page).")
            .Resolve(ctx =>
            {
                var filter = (ctx.GetArgument<ObservationFilterInput?>("where") ?? new ObservationFilterInput()).ToFilter(ctx, preferredByDefault: false);
                var first = ctx.PageSize(ObservationSearch.MaxPageSize);
                var offset = ctx.GetArgument<string?>("after") is { } after ? Cursors.Decode(after) + 1 : 0;
                var page = ctx.Service<ObservationSearch>().Page(filter, ctx.GetArgument("orderBy", ObservationOrder.RegionThenPeriod), first, offset, ctx.CancellationToken);
                return new ObservationPage(filter, offset, page.Items, page.HasNextPage);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AggregateRowGraphType>>>>("aggregate")
            .Description("A cube query: observations filtered, grouped by any dimensions, measured (count, min, max, mean, weighted mean, median, quartiles, standard deviation) and filtered by measure. Uses each period's preferred value unless where.preferredOnly is false.")
            .Argument<ObservationFilterInputGraphType>("where", "Which observations.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<AggregateDimensionGraphType>>>>("groupBy", "The dimensions of each group; an empty list gives one group.")
            .Argument<ListGraphType<NonNullGraphType<HavingInputGraphType>>>("having", "Conditions every returned group meets.")
            .Argument<AggregateMeasureGraphType>("orderBy", "Order groups by this measure; by their dimensions when absent.")
            .Argument<BooleanGraphType>("descending", a => { a.Description = "Largest first."; a.DefaultValue = false; })
            .Argument<IntGraphType>("first", a => { a.Description = $"How many groups, 1 to {Aggregator.MaxGroups}."; a.DefaultValue = 100; })
            .Argument<IntGraphType>("offset", a => { a.Description = "How many groups to skip."; a.DefaultValue = 0; })
            .Resolve(ctx =>
            {
                var filter = (ctx.GetArgument<ObservationFilterInput?>("where") ?? new ObservationFilterInput()).ToFilter(ctx, preferredByDefault: true);
                var request = new AggregateRequest(
                    filter,
                    ctx.GetArgument<List<AggregateDimension>>("groupBy"),
                    ctx.GetArgument<List<HavingCondition>?>("having"),
                    ctx.GetArgument<AggregateMeasure?>("orderBy"),
                    ctx.GetArgument("descending", false),
                    ctx.PageSize(Aggregator.MaxGroups),
                    ctx.Offset());
                return ctx.Service<Aggregator>().Run(request, ctx.CancellationToken);
            });

        Field<NonNullGraphType<RollupGraphType>>("rollup")
            .Description("A parent's value computed from its children by the indicator's rule (weighted mean by denominator, sum, or refused with a reason), beside the published value.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<StringGraphType>>("parentCode", "The Kemendagri code of the parent region.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Resolve(ctx => ctx.Service<RollupCalculator>().Rollup(ctx.RequireIndicator("indicator").Code, ctx.RequireRegion("parentCode").Code, ctx.PeriodArguments(), ctx.CancellationToken));

        Field<NonNullGraphType<AchievementGraphType>>("achievement")
            .Description("Regions ranked on an indicator for a period, each with its value, the target that applies (its own, else its province's, else the national plan's), the gap, whether it is achieved, and its rank.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Argument<StringGraphType>("parentCode", "Rank the regions directly below this one, for example 64 for Kalimantan Timur's kabupaten/kota.")
            .Argument<RegionLevelGraphType>("level", "Rank regions of this level (with parentCode: only those below it).")
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

        Field<NonNullGraphType<ScorecardGraphType>>("scorecard")
            .Description("Every indicator of a region against its target for a period: the IKU scorecard / kartu capaian IKU. For many regions at once, ask for Region.scorecard under regions.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Argument<StringGraphType>("plan", "Judge against this plan's targets only; by default the nearest target of any plan.")
            .Resolve(ctx => ctx.Loader().Scorecard(ctx.RequireRegion("region").Code, ctx.PeriodArguments(), ctx.GetArgument<string?>("plan")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesGraphType>>>>("compare")
            .Description($"One indicator for several regions side by side (at most {MaxCompareRegions}), each value with its source.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regions", "Kemendagri region codes.")
            .Argument<ListGraphType<NonNullGraphType<IntGraphType>>>("years", "Only these years; all years when absent.")
            .Argument<BooleanGraphType>("preferredOnly", a => { a.Description = "Only the value the default rule picks for each period."; a.DefaultValue = true; })
            .Resolve(ctx =>
            {
                var indicator = ctx.RequireIndicator("indicator");
                var codes = ctx.GetArgument<List<string>>("regions").Select(r => ResolveFieldContextExtensions.ParseRegionCode(r, "Argument 'regions'", "regions")).Distinct().ToList();
                if (codes.Count is 0 or > MaxCompareRegions)
                {
                    throw new UserInputException(ErrorCodes.PageSizeExceeded, $"Argument 'regions' has {codes.Count} codes; compare 1 to {MaxCompareRegions} regions at a time.", "regions");
                }
                var found = ctx.Service<RegionDirectory>().FindMany(codes, ctx.CancellationToken);
                var unknown = codes.Where(c => !found.ContainsKey(c)).ToList();
                if (unknown.Count > 0)
                {
                    throw new UserInputException(ErrorCodes.UnknownRegion, $"Argument 'regions': there is no region with code {string.Join(", ", unknown.Select(u => $"'{u}'"))}.", "regions");
                }
                var years = ctx.GetArgument<List<int>?>("years")?.ToHashSet();
                return codes.Select(c => new SeriesRequest(indicator, found[c], ctx.GetArgument("preferredOnly", true), years));
            });

        Field<NonNullGraphType<ForecastGraphType>>("forecast")
            .Description("A projection of an indicator for a region with 80% and 95% intervals and, given a target year, the outlook against the target: the stored target for that region and year, else the nearest enclosing region's (the national plan). Will Kota Bontang reach 14% stunting by 2029?")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example STUNTING.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code.")
            .Argument<IntGraphType>("horizon", a => { a.Description = "How many years ahead of the latest value; extended to reach targetYear."; a.DefaultValue = 5; })
            .Argument<IntGraphType>("targetYear", "The year the target is for.")
            .Argument<FloatGraphType>("target", "A target value to judge against instead of the stored one (needs targetYear).")
            .Resolve(ctx => ctx.Service<ForecastService>().Forecast(
                ctx.RequireIndicator("indicator"), ctx.RequireRegion("region"), ctx.GetArgument("horizon", 5), ctx.GetArgument<int?>("targetYear"), ctx.GetArgument<double?>("target")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastGraphType>>>>("outlooks")
            .Description("Outlooks of the regions below a parent (or of a level) against their targets for a year, least likely to make it first. Regions without a value or a target are left out.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<StringGraphType>("parentCode", "The regions directly below this one.")
            .Argument<RegionLevelGraphType>("level", "Regions of this level.")
            .Argument<NonNullGraphType<IntGraphType>>("targetYear", "The year the targets are for, for example 2029.")
            .Resolve(ctx =>
            {
                var parent = ctx.GetArgument<string?>("parentCode") is null ? (RegionCode?)null : ctx.RequireRegion("parentCode").Code;
                var level = ctx.GetArgument<RegionLevel?>("level");
                if (parent is null && level is null)
                {
                    throw new UserInputException(ErrorCodes.BadUserInput, "Give parentCode or level.", "parentCode");
                }
                return ctx.Service<ForecastService>().Outlooks(ctx.RequireIndicator("indicator"), parent, level, ctx.GetArgument<int>("targetYear"));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources")
            .Description("Every source values cite, by priority / daftar sumber.")
            .Resolve(ctx => ctx.Service<SourceCatalog>().GetAll());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExportDatasetGraphType>>>>("exportDatasets")
            .Description("The datasets BI tools can pull in bulk (CSV, Parquet, Arrow, Arrow Flight), with their columns, types, units and filters; the same catalogue as GET /api/v1/export.")
            .Resolve(ctx => ctx.Service<Kencana.Warehouse.Export.ExportDatasetRegistry>().Catalog.Datasets);

        Field<DataVersionGraphType>("dataVersion")
            .Description("The newest data version: what the answers are as of.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().Latest());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataVersionGraphType>>>>("dataVersions")
            .Description("Every data version, newest first.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().GetAll());
    }
}
