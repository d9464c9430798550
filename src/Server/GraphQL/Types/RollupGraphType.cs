using GraphQL.Types;
using Kencana.Warehouse.Rollup;

namespace Kencana.Server.GraphQL.Types;

public sealed class RollupGraphType : ObjectGraphType<RollupResult>
{
    public RollupGraphType()
    {
        Name = "Rollup";
        Description = "A parent region's value computed from its children by the indicator's roll-up rule, beside the published value / agregasi wilayah.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        Field<NonNullGraphType<RegionGraphType>>("parent").Description("The parent region.").Resolve(ctx => ctx.Source.Parent);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(ctx => ctx.Source.Period.Year);
        Field<NonNullGraphType<SubPeriodGraphType>>("period").Description("The part of the year.").Resolve(ctx => ctx.Source.Period.Sub);
        Field<NonNullGraphType<RollupRuleGraphType>>("rule").Description("The rule applied.").Resolve(ctx => ctx.Source.Rule);
        Field(x => x.Value, nullable: true).Description("The computed value; null when refused or when no child has a value.");
        Field(x => x.RefusalReason, nullable: true).Description("Why no value can be computed, when one cannot.");
        Field(x => x.ExpectedChildren).Description("How many child regions the parent has.");
        Field<NonNullGraphType<IntGraphType>>("contributingChildren").Description("How many children went into the value.").Resolve(ctx => ctx.Source.Contributions.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("missingChildren").Description("Codes of children with no value for the period.")
            .Resolve(ctx => ctx.Source.MissingChildren.Select(c => c.Value));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("childrenWithoutDenominator").Description("Codes of children with a value but no denominator, left out of a weighted mean.")
            .Resolve(ctx => ctx.Source.ChildrenWithoutDenominator.Select(c => c.Value));
        Field(x => x.TotalDenominator, nullable: true).Description("The sum of the contributing denominators, for a weighted mean.");
        Field<ObservationGraphType>("published").Description("The parent's own published value for the period, to compare with.").Resolve(ctx => ctx.Source.Published);
        Field<NonNullGraphType<BooleanGraphType>>("isSynthetic").Description("True when any contributing value is synthetic.").Resolve(ctx => ctx.Source.Contributions.Any(c => c.IsSynthetic));
    }
}
