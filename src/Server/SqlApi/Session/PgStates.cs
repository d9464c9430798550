namespace Kencana.Server.SqlApi.Session;

/// <summary>SQLSTATEs the protocol layer answers with itself, beside the session's (<see cref="Kencana.Warehouse.SqlApi.SqlStates"/>).</summary>
internal static class PgStates
{
    /// <summary>22023: a setting's value is not one the API accepts.</summary>
    public const string InvalidParameterValue = "22023";

    /// <summary>42704: SHOW of a setting that does not exist.</summary>
    public const string UndefinedObject = "42704";

    /// <summary>55P02: a read-only setting (server_version, ...).</summary>
    public const string CantChangeRuntimeParam = "55P02";

    /// <summary>25P02: a statement after an error inside BEGIN ... ROLLBACK.</summary>
    public const string InFailedSqlTransaction = "25P02";

    /// <summary>25001: a statement that may not run inside a transaction block (DISCARD ALL).</summary>
    public const string ActiveSqlTransaction = "25001";

    /// <summary>26000: a prepared statement that does not exist.</summary>
    public const string InvalidSqlStatementName = "26000";

    /// <summary>34000: a portal that does not exist.</summary>
    public const string InvalidCursorName = "34000";

    /// <summary>42P05: a named prepared statement that already exists.</summary>
    public const string DuplicatePreparedStatement = "42P05";

    /// <summary>57P05: the connection waited longer than the idle limit.</summary>
    public const string IdleSessionTimeout = "57P05";

    /// <summary>08P01 is the session's; 08004: the server refused the connection (the protocol version).</summary>
    public const string ConnectionRejected = "08004";
}
