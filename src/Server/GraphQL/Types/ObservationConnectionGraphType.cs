using GraphQL.Types;
using Kencana.Server.GraphQL.Types.Results;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Types;

public sealed class ObservationConnectionGraphType : ObjectGraphType<ObservationPage>
{
    public ObservationConnectionGraphType()
    {
        Name = "ObservationConnection";
        Description = "A page of observations (a Relay connection).";
        Field<NonNullGraphType<LongGraphType>>("totalCount").Description("How many observations match the filter, on all pages.")
            .Resolve(ctx => ctx.Service<ObservationSearch>().Count(ctx.Source.Filter, ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationEdgeGraphType>>>>("edges").Description("The observations of this page with their cursors.")
            .Resolve(ctx => ctx.Source.Items.Select((item, i) => new ObservationEdge(Cursors.Encode(ctx.Source.Offset + i), item)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObservationGraphType>>>>("nodes").Description("The observations of this page.").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Where this page lies.").Resolve(ctx => ctx.Source);
    }
}

public sealed class ObservationEdgeGraphType : ObjectGraphType<ObservationEdge>
{
    public ObservationEdgeGraphType()
    {
        Name = "ObservationEdge";
        Description = "An observation and its cursor.";
        Field(x => x.Cursor).Description("Pass as 'after' to continue after this observation.");
        Field<NonNullGraphType<ObservationGraphType>>("node").Description("The observation.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<ObservationPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page lies in the whole result.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more observations follow.").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when observations come before this page.").Resolve(ctx => ctx.Source.Offset > 0);
        Field<StringGraphType>("startCursor").Description("The cursor of the first observation of the page.")
            .Resolve(ctx => ctx.Source.Items.Count > 0 ? Cursors.Encode(ctx.Source.Offset) : null);
        Field<StringGraphType>("endCursor").Description("The cursor of the last observation of the page; pass it as 'after' for the next page.")
            .Resolve(ctx => ctx.Source.Items.Count > 0 ? Cursors.Encode(ctx.Source.Offset + ctx.Source.Items.Count - 1) : null);
    }
}

public sealed record ObservationEdge(string Cursor, Observation Node);
