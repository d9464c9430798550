using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class TargetPointGraphType : ObjectGraphType<Target>
{
    public TargetPointGraphType()
    {
        Name = "TargetPoint";
        Description = "A target an indicator should reach / target, under a plan such as RPJMN 2025-2029.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The target year.").Resolve(ctx => ctx.Source.Period.Year);
        Field<NonNullGraphType<SubPeriodGraphType>>("period").Description("The part of the year.").Resolve(ctx => ctx.Source.Period.Sub);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The period as text.").Resolve(ctx => ctx.Source.Period.ToString());
        Field(x => x.Value).Description("The target value.");
        Field(x => x.Plan).Description("The plan that sets it.");
        Field<NonNullGraphType<SourceGraphType>>("source").Description("Where the target is published.").Resolve(ctx => ctx.Loader().Source(ctx.Source.SourceId));
        Field(x => x.Note, nullable: true).Description("A note.");
    }
}
