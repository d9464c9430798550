namespace Kencana.Warehouse.Aggregation;

/// <summary>Whether aggregates take the pre-aggregated path: the table of the current observations version is built.</summary>
/// <param name="ObservationsVersion">The newest data version that added observations: the version the table must be of.</param>
/// <param name="BuiltVersion">The observations version whose table is built, if any.</param>
/// <param name="LastError">Why the last build failed, if it did.</param>
public sealed record PreAggregateReadiness(int ObservationsVersion, int? BuiltVersion, string? LastError)
{
    /// <summary>True when the table of the current observations version is ready.</summary>
    public bool IsReady => BuiltVersion == ObservationsVersion;
}
