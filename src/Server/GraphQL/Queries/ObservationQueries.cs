using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Server.GraphQL.Types.Results;
using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>Values for researchers and BI tools: series, comparisons, pages, the cube and roll-ups.</summary>
internal static class ObservationQueries
{
    /// <summary>The most regions compare takes at once.</summary>
    public const int MaxCompareRegions = 50;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SeriesGraphType>>("series")
            .Description("The time series of an indicator for a region / deret waktu: every value with its source, and the targets.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example UNMET_NEED.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "The Kemendagri region code, for example 64.74.")
            .Argument<BooleanGraphType>("preferredOnly", a => { a.Description = "Only the value the default rule picks for each period, without alternatives from other sources."; a.DefaultValue = false; })
            .Resolve(ctx => new SeriesRequest(ctx.RequireIndicator("indicator"), ctx.RequireRegion("region"), ctx.GetArgument("preferredOnly", false), Years: null));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesGraphType>>>>("compare")
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
                var found = ctx.Loader().Catalog.Regions;
                var unknown = codes.Where(c => !found.ContainsKey(c)).ToList();
                if (unknown.Count > 0)
                {
                    throw new UserInputException(ErrorCodes.UnknownRegion, $"Argument 'regions': there is no region with code {string.Join(", ", unknown.Select(u => $"'{u}'"))}.", "regions");
                }
                var years = ctx.GetArgument<List<int>?>("years")?.ToHashSet();
                return codes.Select(c => new SeriesRequest(indicator, found[c], ctx.GetArgument("preferredOnly", true), years));
            });

        query.Field<NonNullGraphType<ObservationConnectionGraphType>>("observations")
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

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AggregateRowGraphType>>>>("aggregate")
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
                    ctx.Offset(),
                    SelectedMeasures(ctx),
                    IncludeSources: Selects(ctx, "sources"),
                    IncludeWeightedCount: Selects(ctx, "weightedCount"),
                    IncludeSynthetic: Selects(ctx, "isSynthetic"));
                return ctx.Service<Aggregator>().Run(request, ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<RollupGraphType>>("rollup")
            .Description("A parent's value computed from its children by the indicator's rule (weighted mean by denominator, sum, or refused with a reason), beside the published value.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code.")
            .Argument<NonNullGraphType<StringGraphType>>("parentCode", "The Kemendagri code of the parent region.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Resolve(ctx => ctx.Service<RollupCalculator>().Rollup(ctx.RequireIndicator("indicator").Code, ctx.RequireRegion("parentCode").Code, ctx.PeriodArguments(), ctx.CancellationToken));
    }

    /// <summary>True when the request selects the field on AggregateRow (or cannot tell).</summary>
    private static bool Selects(IResolveFieldContext context, string field) =>
        context.SubFields?.Values.Any(f => f.FieldType.Name == field) ?? true;

    /// <summary>The measures the request selects on AggregateRow: the aggregate computes only these.</summary>
    private static HashSet<AggregateMeasure>? SelectedMeasures(IResolveFieldContext context)
    {
        if (context.SubFields is null)
        {
            return null;
        }
        var measures = new HashSet<AggregateMeasure>();
        foreach (var (_, field) in context.SubFields.Values)
        {
            if (MeasureFields.TryGetValue(field.Name, out var measure))
            {
                measures.Add(measure);
            }
        }
        return measures;
    }

    private static readonly Dictionary<string, AggregateMeasure> MeasureFields = new(StringComparer.Ordinal)
    {
        ["min"] = AggregateMeasure.Min,
        ["max"] = AggregateMeasure.Max,
        ["mean"] = AggregateMeasure.Mean,
        ["weightedMean"] = AggregateMeasure.WeightedMean,
        ["median"] = AggregateMeasure.Median,
        ["p25"] = AggregateMeasure.P25,
        ["p75"] = AggregateMeasure.P75,
        ["stdDev"] = AggregateMeasure.StdDev,
    };
}
