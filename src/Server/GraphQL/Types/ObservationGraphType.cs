using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class ObservationGraphType : ObjectGraphType<Observation>
{
    public ObservationGraphType()
    {
        Name = "Observation";
        Description = "One published value of an indicator for a region and period, with its source / nilai indikator. Values from several sources for the same period are all kept; isPreferred marks the one the default rule picks.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Loader().Indicator(ctx.Source.IndicatorCode));
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Loader().Region(ctx.Source.RegionCode));
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year the value refers to (the survey's reference year, not its release).").Resolve(ctx => ctx.Source.Period.Year);
        Field<NonNullGraphType<SubPeriodGraphType>>("period").Description("The part of the year.").Resolve(ctx => ctx.Source.Period.Sub);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The period as text: 2023, 2021-S1, 2022-Q3, 2024-M07.").Resolve(ctx => ctx.Source.Period.ToString());
        Field(x => x.Value).Description("The value in the indicator's unit.");
        Field(x => x.Numerator, nullable: true).Description("The numerator, where published.");
        Field(x => x.Denominator, nullable: true).Description("The denominator (children measured, PUS), where published.");
        Field<ConfidenceIntervalGraphType>("confidenceInterval").Description("The published confidence interval, if any.").Resolve(ctx => ctx.Source.ConfidenceInterval);
        Field<NonNullGraphType<BooleanGraphType>>("isPreferred")
            .Description("True for the value the default rule picks for this period: a value flagged preferred first, then the source with the highest priority, then the newest data version.")
            .Resolve(ctx => ctx.Source.IsDefault);
        Field<NonNullGraphType<SourceGraphType>>("source").Description("Where the value comes from.").Resolve(ctx => ctx.Loader().Source(ctx.Source.SourceId));
        Field(x => x.Survey, nullable: true).Description("The survey or collection, for example SSGI 2022.");
        Field(x => x.Note, nullable: true).Description("A note from the source or the transcriber.");
        Field(x => x.IsSynthetic).Description("True for generated values, never real.");
        Field(x => x.DataVersion).Description("The data version that loaded the value.");
    }
}
