using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types.Results;

/// <summary>A series asked for: its points and targets load in batches with every other series of the same result.</summary>
public sealed record SeriesRequest(Indicator Indicator, Region Region, bool PreferredOnly, IReadOnlySet<int>? Years);
