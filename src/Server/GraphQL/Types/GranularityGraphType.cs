using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class GranularityGraphType : EnumerationGraphType<Granularity>
{
    public GranularityGraphType()
    {
        Name = "Granularity";
        Description = "How finely periods divide the year: YEAR, SEMESTER, QUARTER (triwulan) or MONTH.";
    }
}
