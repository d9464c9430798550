using Kencana.Server.SqlApi.Session;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>What the catalogue answers need to know of the connection.</summary>
/// <param name="User">The logged-in user.</param>
/// <param name="Server">The server's version text.</param>
/// <param name="Settings">The client settings, for current_setting().</param>
/// <param name="ProcessId">The connection's process id (BackendKeyData), for pg_backend_pid().</param>
/// <param name="Names">The engine's current database and schema, asked once when first needed.</param>
/// <param name="Snapshot">The catalogue of the session's snapshot, for psql's describe commands (read once per snapshot).</param>
internal sealed record CatalogContext(string User, ServerIdentity Server, ClientSettings Settings, int ProcessId, Lazy<(string Database, string Schema)> Names, Func<SnapshotCatalog> Snapshot);
