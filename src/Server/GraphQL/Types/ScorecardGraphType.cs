using GraphQL.Types;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Types;

public sealed class ScorecardGraphType : ObjectGraphType<Scorecard>
{
    public ScorecardGraphType()
    {
        Name = "Scorecard";
        Description = "Every indicator of a region against its target for a period: the IKU scorecard / kartu capaian IKU.";
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Loader().Region(ctx.Source.Region));
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(ctx => ctx.Source.Period.Year);
        Field<NonNullGraphType<SubPeriodGraphType>>("period").Description("The part of the year.").Resolve(ctx => ctx.Source.Period.Sub);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardLineGraphType>>>>("lines").Description("One line per indicator with a value, or with a target of the region's own.").Resolve(ctx => ctx.Source.Lines);
        Field(x => x.TargetsAssessed).Description("Lines with both a value and a target.");
        Field(x => x.TargetsMet).Description("Lines whose value meets its target.");
        Field(x => x.AllTargetsMet, nullable: true).Description("True when every assessed target is met; null when no line has both a value and a target.");
    }
}

public sealed class ScorecardLineGraphType : ObjectGraphType<ScorecardLine>
{
    public ScorecardLineGraphType()
    {
        Name = "ScorecardLine";
        Description = "One indicator of a scorecard.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        AssessmentFields.Add(this, line => line.Assessment);
    }
}
