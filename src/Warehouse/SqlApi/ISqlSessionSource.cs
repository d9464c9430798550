namespace Kencana.Warehouse.SqlApi;

/// <summary>
/// Opens read-only SQL sessions over the curated relations of the newest data version for which a snapshot is ready:
/// what the PostgreSQL wire protocol serves, kept apart from the warehouse's own tables and instance.
/// </summary>
public interface ISqlSessionSource
{
    /// <summary>Opens a session for one client connection; dispose it when the connection ends.</summary>
    /// <exception cref="SqlApiException">No snapshot is ready yet (SQLSTATE 57P03, cannot connect now), or the limit of open sessions is reached (53300).</exception>
    ISqlSession OpenSession();
}
