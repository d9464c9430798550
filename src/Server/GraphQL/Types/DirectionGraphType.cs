using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class DirectionGraphType : EnumerationGraphType<Direction>
{
    public DirectionGraphType()
    {
        Name = "Direction";
        Description = "Which way an indicator improves; decides whether a value beats its target.";
    }
}
