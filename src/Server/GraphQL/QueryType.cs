using GraphQL.Types;
using Kencana.Server.GraphQL.Queries;

namespace Kencana.Server.GraphQL;

/// <summary>The root of every query, its fields grouped by the feature they serve (GraphQL/Queries).</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Bangga Kencana and stunting indicators by region and period, every value with its source.";
        CatalogQueries.AddTo(this);
        RegionQueries.AddTo(this);
        ObservationQueries.AddTo(this);
        PlanningQueries.AddTo(this);
        ForecastQueries.AddTo(this);
        AuditQueries.AddTo(this);
    }
}
