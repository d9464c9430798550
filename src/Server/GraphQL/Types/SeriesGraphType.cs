using GraphQL.Types;
using Kencana.Server.GraphQL.Types.Results;

namespace Kencana.Server.GraphQL.Types;

public sealed class SeriesGraphType : ObjectGraphType<Series>
{
    public SeriesGraphType()
    {
        Name = "Series";
        Description = "The time series of one indicator for one region / deret waktu: its values with their sources, and its targets.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Source.Region);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointGraphType>>>>("points").Description("The values in period order, alternatives from other sources included.").Resolve(ctx => ctx.Source.Points);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetPointGraphType>>>>("targets").Description("The targets in period order.").Resolve(ctx => ctx.Source.Targets);
    }
}
