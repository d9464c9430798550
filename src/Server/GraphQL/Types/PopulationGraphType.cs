using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class PopulationGraphType : ObjectGraphType<Population>
{
    public PopulationGraphType()
    {
        Name = "Population";
        Description = "A population count by sex / jumlah penduduk.";
        Field(x => x.Total).Description("Everyone.");
        Field(x => x.Male).Description("Men and boys / laki-laki.");
        Field(x => x.Female).Description("Women and girls / perempuan.");
        Field(x => x.Year).Description("The year of the count.");
        Field<NonNullGraphType<SourceGraphType>>("source").Description("Where the count comes from.")
            .Resolve(ctx => ctx.Loader().Source(ctx.Source.SourceId));
    }
}
