using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Queries;

/// <summary>A page of observations.</summary>
/// <param name="Items">The observations on the page, in the order asked for.</param>
/// <param name="HasNextPage">True when more observations follow the page.</param>
public sealed record ObservationPageResult(IReadOnlyList<Observation> Items, bool HasNextPage);
