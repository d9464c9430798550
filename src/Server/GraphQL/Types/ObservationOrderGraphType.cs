using GraphQL.Types;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Types;

public sealed class ObservationOrderGraphType : EnumerationGraphType<ObservationOrder>
{
    public ObservationOrderGraphType()
    {
        Name = "ObservationOrder";
        Description = "How observations are ordered; every order ends in the full key, so pages never overlap.";
    }
}
