using GraphQL.Types;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Types;

public sealed class AchievementGraphType : ObjectGraphType<AchievementReport>
{
    public AchievementGraphType()
    {
        Name = "Achievement";
        Description = "Regions ranked on an indicator for a period, each against the target that applies to it / capaian target.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(ctx => ctx.Source.Period.Year);
        Field<NonNullGraphType<SubPeriodGraphType>>("period").Description("The part of the year.").Resolve(ctx => ctx.Source.Period.Sub);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AchievementRowGraphType>>>>("rows").Description("Regions with a value, best first in the indicator's direction.").Resolve(ctx => ctx.Source.Rows);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regionsWithoutValue").Description("Regions in scope that have no value for the period.")
            .Resolve(ctx => ctx.Source.RegionsWithoutValue.Select(code => ctx.Loader().Region(code)));
        Field<NonNullGraphType<IntGraphType>>("achievedCount").Description("How many ranked regions meet their target.").Resolve(ctx => ctx.Source.Rows.Count(r => r.Assessment.Achieved == true));
    }
}

public sealed class AchievementRowGraphType : ObjectGraphType<AchievementRow>
{
    public AchievementRowGraphType()
    {
        Name = "AchievementRow";
        Description = "One region's value, target and rank.";
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Loader().Region(ctx.Source.Region));
        Field(x => x.Rank).Description("1 for the best value in the indicator's direction; ties share a rank.");
        AssessmentFields.Add(this, row => row.Assessment);
    }
}
