using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types.Results;

/// <summary>A series as the API shows it.</summary>
public sealed record Series(Indicator Indicator, Region Region, IReadOnlyList<Observation> Points, IReadOnlyList<Target> Targets);
