using GraphQL.Types;
using Kencana.Server.GraphQL.Loading;
using Kencana.Server.GraphQL.Types.Results;

namespace Kencana.Server.GraphQL.Types;

public sealed class SeriesGraphType : ObjectGraphType<SeriesRequest>
{
    public SeriesGraphType()
    {
        Name = "Series";
        Description = "The time series of one indicator for one region / deret waktu: its values with their sources, and its targets.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Source.Region);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationGraphType>>>>("points")
            .Description("The values in period order, alternatives from other sources included unless preferredOnly.")
            .Resolve(ctx => ctx.Loader().Observations(ctx.Source.Indicator.Code, ctx.Source.Region.Code, ctx.Source.PreferredOnly)
                .Then(points => (points ?? []).Where(p => ctx.Source.Years is null || ctx.Source.Years.Contains(p.Period.Year))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetPointGraphType>>>>("targets")
            .Description("The targets set for this region, in period order.")
            .Resolve(ctx => ctx.Loader().Targets(ctx.Source.Indicator.Code, ctx.Source.Region.Code)
                .Then(targets => (targets ?? []).Where(t => ctx.Source.Years is null || ctx.Source.Years.Contains(t.Period.Year))));
    }
}
