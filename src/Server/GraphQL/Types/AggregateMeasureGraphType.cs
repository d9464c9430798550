using GraphQL.Types;
using Kencana.Warehouse.Aggregation;

namespace Kencana.Server.GraphQL.Types;

public sealed class AggregateMeasureGraphType : EnumerationGraphType<AggregateMeasure>
{
    public AggregateMeasureGraphType()
    {
        Name = "AggregateMeasure";
        Description = "A statistic of a group's values; WEIGHTED_MEAN weights by denominators and is the rate of the group's population.";
    }
}
