namespace Kencana.Warehouse.Queries;

/// <summary>What <see cref="UpperLevelObservations"/> holds of the current data version.</summary>
public enum UpperLevelHolding
{
    /// <summary>Nothing is ever held: the bound is 0. Series and pages are read with SQL.</summary>
    Off,

    /// <summary>The version is being loaded; series and pages are read with SQL meanwhile.</summary>
    Loading,

    /// <summary>The version's upper levels are held, and series and pages of them are answered from memory.</summary>
    Held,

    /// <summary>The version has more upper-level observations than the bound; series and pages are read with SQL.</summary>
    TooMany,

    /// <summary>The version could not be read; series and pages are read with SQL, and the load is tried again with the next version.</summary>
    Failed,
}
