using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Types.Results;

/// <summary>A page of observations with what is needed to count the rest and continue.</summary>
public sealed record ObservationPage(ObservationFilter Filter, long Offset, IReadOnlyList<Observation> Items, bool HasNextPage);
