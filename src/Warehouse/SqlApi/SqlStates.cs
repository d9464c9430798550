namespace Kencana.Warehouse.SqlApi;

/// <summary>The PostgreSQL SQLSTATE codes the SQL API answers with (PostgreSQL documentation, appendix A).</summary>
public static class SqlStates
{
    /// <summary>42601: the statement is not valid SQL.</summary>
    public const string SyntaxError = "42601";

    /// <summary>42P01: a relation the statement names does not exist among the curated relations.</summary>
    public const string UndefinedTable = "42P01";

    /// <summary>42703: a column the statement names does not exist.</summary>
    public const string UndefinedColumn = "42703";

    /// <summary>42883: a function the statement calls does not exist or is not allowed.</summary>
    public const string UndefinedFunction = "42883";

    /// <summary>42501: the statement is not allowed (a write, a file or network access, a setting, an extension).</summary>
    public const string InsufficientPrivilege = "42501";

    /// <summary>25006: a write in a read-only session.</summary>
    public const string ReadOnlySqlTransaction = "25006";

    /// <summary>0A000: a protocol or SQL feature the API does not offer.</summary>
    public const string FeatureNotSupported = "0A000";

    /// <summary>22000: a value is not valid for its type or operation (data exception).</summary>
    public const string DataException = "22000";

    /// <summary>22P02: a parameter's text is not valid for its type.</summary>
    public const string InvalidTextRepresentation = "22P02";

    /// <summary>57014: the statement was cancelled, by the client or by the statement time limit.</summary>
    public const string QueryCanceled = "57014";

    /// <summary>54000: the statement broke a limit other than time or memory, such as the row limit.</summary>
    public const string ProgramLimitExceeded = "54000";

    /// <summary>53200: the statement needed more memory than its limit.</summary>
    public const string OutOfMemory = "53200";

    /// <summary>53300: the limit of concurrent connections is reached.</summary>
    public const string TooManyConnections = "53300";

    /// <summary>57P03: the server cannot take connections yet (the first snapshot is being built).</summary>
    public const string CannotConnectNow = "57P03";

    /// <summary>28P01: the user name or password is wrong.</summary>
    public const string InvalidPassword = "28P01";

    /// <summary>28000: the user may not connect.</summary>
    public const string InvalidAuthorizationSpecification = "28000";

    /// <summary>08P01: the client broke the wire protocol.</summary>
    public const string ProtocolViolation = "08P01";

    /// <summary>XX000: an error inside the server; the message says what.</summary>
    public const string InternalError = "XX000";
}
