using GraphQL.Types;
using Kencana.Warehouse.Aggregation;

namespace Kencana.Server.GraphQL.Types;

public sealed class AggregateRowGraphType : ObjectGraphType<AggregateRow>
{
    public AggregateRowGraphType()
    {
        Name = "AggregateRow";
        Description = "One group of an aggregate: its dimension values (null for dimensions not grouped by) and its statistics.";
        Field<IndicatorGraphType>("indicator").Description("The indicator, when grouped by INDICATOR.")
            .Resolve(ctx => ctx.Source.Key.IndicatorCode is { } code ? ctx.Loader().Indicator(code) : null);
        Field<RegionGraphType>("region").Description("The region, when grouped by REGION.")
            .Resolve(ctx => ctx.Source.Key.Region is { } code ? ctx.Loader().Region(code) : null);
        Field<RegionLevelGraphType>("level").Description("The level, when grouped by LEVEL.").Resolve(ctx => ctx.Source.Key.Level);
        Field<RegionGraphType>("province").Description("The province, when grouped by PROVINCE.")
            .Resolve(ctx => ctx.Source.Key.Province is { } code ? ctx.Loader().Region(code) : null);
        Field<RegionGraphType>("parent").Description("The parent region, when grouped by PARENT.")
            .Resolve(ctx => ctx.Source.Key.Parent is { } code ? ctx.Loader().Region(code) : null);
        Field<IntGraphType>("year").Description("The year, when grouped by YEAR.").Resolve(ctx => ctx.Source.Key.Year);
        Field<SubPeriodGraphType>("period").Description("The sub-period, when grouped by PERIOD.").Resolve(ctx => ctx.Source.Key.Period);
        Field<SourceGraphType>("source").Description("The source, when grouped by SOURCE.")
            .Resolve(ctx => ctx.Source.Key.SourceId is { } id ? ctx.Loader().Source(id) : null);
        Field(x => x.Count).Description("How many values.");
        Field(x => x.Min, nullable: true).Description("The smallest value.");
        Field(x => x.Max, nullable: true).Description("The largest value.");
        Field(x => x.Mean, nullable: true).Description("The plain mean: fair for comparing regions, wrong as the rate of a population.");
        Field(x => x.WeightedMean, nullable: true).Description("The mean weighted by denominators, over the values that have one; null when none has.");
        Field(x => x.WeightedCount).Description("How many values had a denominator.");
        Field(x => x.Median, nullable: true).Description("The median.");
        Field(x => x.P25, nullable: true).Description("The first quartile.");
        Field(x => x.P75, nullable: true).Description("The third quartile.");
        Field(x => x.StdDev, nullable: true).Description("The sample standard deviation; null for a single value.");
        Field(x => x.IsSynthetic).Description("True when any value of the group is synthetic.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources of the group's values.")
            .Resolve(ctx => ctx.Source.SourceIds.Select(id => ctx.Loader().Source(id)));
    }
}
