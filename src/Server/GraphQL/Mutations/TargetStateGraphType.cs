using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Mutations;

/// <summary>A target as a write left it, with plain ids: the request's catalogues predate the write.</summary>
public sealed class TargetStateGraphType : ObjectGraphType<Target>
{
    public TargetStateGraphType()
    {
        Name = "TargetState";
        Description = "A stored target, before or after a write.";
        Field<NonNullGraphType<StringGraphType>>("indicator").Description("The indicator code.").Resolve(ctx => ctx.Source.IndicatorCode);
        Field<NonNullGraphType<StringGraphType>>("region").Description("The Kemendagri region code.").Resolve(ctx => ctx.Source.RegionCode.Value);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The target year.").Resolve(ctx => ctx.Source.Period.Year);
        Field(x => x.Value).Description("The target value.");
        Field(x => x.Plan).Description("The plan that sets it.");
        Field(x => x.SourceId).Description("The id of the source that publishes it.");
        Field(x => x.Note, nullable: true).Description("A note.");
        Field(x => x.DataVersion).Description("The data version that wrote it.");
    }
}
