using GraphQL.Types;
using Kencana.Warehouse.Aggregation;

namespace Kencana.Server.GraphQL.Types;

public sealed class ComparisonGraphType : EnumerationGraphType<Comparison>
{
    public ComparisonGraphType()
    {
        Name = "Comparison";
        Description = "A comparison: GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST or EQUAL_TO.";
    }
}
