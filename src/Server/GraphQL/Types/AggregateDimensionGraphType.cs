using GraphQL.Types;
using Kencana.Warehouse.Aggregation;

namespace Kencana.Server.GraphQL.Types;

public sealed class AggregateDimensionGraphType : EnumerationGraphType<AggregateDimension>
{
    public AggregateDimensionGraphType()
    {
        Name = "AggregateDimension";
        Description = "What an aggregate groups by: INDICATOR, REGION, LEVEL, PROVINCE, PARENT, YEAR, PERIOD or SOURCE.";
    }
}
