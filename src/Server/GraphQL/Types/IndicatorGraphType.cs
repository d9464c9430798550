using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class IndicatorGraphType : ObjectGraphType<Indicator>
{
    public IndicatorGraphType()
    {
        Name = "Indicator";
        Description = "An indicator of the Bangga Kencana and stunting catalogue / indikator.";
        Field(x => x.Code).Description("The stable code, for example STUNTING or UNMET_NEED.");
        Field("name", x => x.NameEn).Description("The English name.");
        Field("nameId", x => x.NameId).Description("The Indonesian name / nama indikator.");
        Field(x => x.Definition).Description("What is measured and how.");
        Field(x => x.Unit).Description("The unit: percent, count, births per woman, births per 1000 women, years or index.");
        Field<NonNullGraphType<DirectionGraphType>>("direction").Description("Which way is better.").Resolve(ctx => ctx.Source.Direction);
        Field<NonNullGraphType<ValueRangeGraphType>>("validRange").Description("The values the indicator can take.").Resolve(ctx => ctx.Source.ValidRange);
        Field<NonNullGraphType<RollupRuleGraphType>>("rollupRule").Description("How child regions combine into a parent.").Resolve(ctx => ctx.Source.Rollup);
        Field(x => x.Denominator, nullable: true).Description("What the denominator counts (children measured, couples of reproductive age), for rates.");
    }
}
