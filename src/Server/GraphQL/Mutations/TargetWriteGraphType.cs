using GraphQL.Types;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Mutations;

public sealed class TargetWriteGraphType : ObjectGraphType<TargetWrite>
{
    public TargetWriteGraphType()
    {
        Name = "TargetWrite";
        Description = "What a target write did: the target before and after, and the data version it created.";
        Field(x => x.DataVersion).Description("The data version the write created (the current one when nothing changed); queries, exports and forecasts answer from it on.");
        Field(x => x.Changed).Description("False when the target already held exactly these values, so nothing was written.");
        Field<TargetStateGraphType>("before").Description("The target before the write; null when there was none.").Resolve(ctx => ctx.Source.Before);
        Field<TargetStateGraphType>("after").Description("The target after the write; null when it was retired.").Resolve(ctx => ctx.Source.After);
    }
}
