using GraphQL.Types;

namespace Kencana.Server.GraphQL;

public sealed class KencanaSchema : Schema
{
    public KencanaSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Query = query;
        Description = "Kencana Analytics: Bangga Kencana family-planning and stunting indicators for every Indonesian region, with their sources and targets.";
    }
}
