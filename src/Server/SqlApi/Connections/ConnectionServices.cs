using Kencana.Server.SqlApi.Authentication;
using Kencana.Server.SqlApi.Catalog;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>What every connection shares: the options, the logins, the sessions' source, the snapshots' catalogues, the cancel registry and the log.</summary>
internal sealed record ConnectionServices(
    SqlApiOptions Options,
    SqlApiLogins Logins,
    ISqlSessionSource Sessions,
    SnapshotCatalogs Catalogs,
    CancelRegistry Cancels,
    ServerIdentity Server,
    TimeSpan StatementLimit,
    ILogger Logger,
    CancellationToken Stopping);
