namespace Kencana.Server.SqlApi.Catalog;

/// <summary>How the server names itself to clients: a PostgreSQL 15 version (drivers check it) that says what it is.</summary>
/// <param name="EngineVersion">The DuckDB library's version, for version().</param>
internal sealed record ServerIdentity(string EngineVersion)
{
    /// <summary>server_version: PostgreSQL 15's protocol and catalogue are what the API speaks.</summary>
    public const string ServerVersion = "15.0";

    /// <summary>What version() answers.</summary>
    public string VersionText => $"PostgreSQL {ServerVersion} (Kencana Analytics SQL API on DuckDB {EngineVersion}) on x86_64-pc-linux-gnu, read-only";

    /// <summary>The database name clients see; any name in the start-up packet reaches the same relations.</summary>
    public const string Database = "kencana";
}
