using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class ValueRangeGraphType : ObjectGraphType<ValueRange>
{
    public ValueRangeGraphType()
    {
        Name = "ValueRange";
        Description = "The values an indicator can take; imports outside it are refused.";
        Field(x => x.Min, nullable: true).Description("The smallest valid value; null when open.");
        Field(x => x.Max, nullable: true).Description("The largest valid value; null when open.");
    }
}
