namespace Kencana.Warehouse.Queries;

/// <summary>What <see cref="UpperLevelObservations"/> holds of the current data version, for readiness reports.</summary>
/// <param name="DataVersion">The current data version.</param>
/// <param name="Holding">Whether it is held, loading, or read with SQL, and why.</param>
/// <param name="Rows">The observations held (<see cref="UpperLevelHolding.Held"/>) or found over the bound (<see cref="UpperLevelHolding.TooMany"/>); null otherwise.</param>
/// <param name="Error">Why the load failed (<see cref="UpperLevelHolding.Failed"/>); null otherwise.</param>
public sealed record UpperLevelReadiness(int DataVersion, UpperLevelHolding Holding, long? Rows, string? Error);
