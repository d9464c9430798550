using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "Where a value comes from / sumber data: a publication, a dataset, or the synthetic generator.";
        Field(x => x.Id).Description("The stable id, for example S28 or SEED_BONTANG_2024.");
        Field(x => x.Title).Description("The title.");
        Field(x => x.Publisher).Description("Who published it.");
        Field(x => x.Url, nullable: true).Description("Where it can be read, when it is online.");
        Field<DateGraphType>("publishedOn").Description("When it was released; kept apart from the year the data refer to (SSGI 2022 was released in 2023).")
            .Resolve(ctx => ctx.Source.PublishedOn?.ToDateTime(TimeOnly.MinValue)); // DateGraphType serialises DateTime only
        Field(x => x.Priority).Description("Decides the default among conflicting values when none is flagged preferred: 1 (official publisher) is highest.");
        Field(x => x.Note, nullable: true).Description("What the source was used for.");
        Field(x => x.IsSynthetic).Description("True for generated data, never real.");
    }
}
