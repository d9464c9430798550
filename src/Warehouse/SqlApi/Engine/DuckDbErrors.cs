using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// DuckDB's errors as the SQLSTATEs PostgreSQL clients understand, with DuckDB's message kept (it names the table,
/// column or value), and the limits named in the errors they cause.
/// </summary>
internal static class DuckDbErrors
{
    /// <summary>The error of a failed statement as the SQL API reports it.</summary>
    public static SqlApiException Translate(DuckDBException error, SqlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(error);
        // DuckDB.NET leaves the type unset for some errors (those of a streaming result); the message names it too.
        var type = error.ErrorType == DuckDBErrorType.Invalid ? TypeOf(error.Message) : error.ErrorType;
        return Translate(type, error.Message, limits, error);
    }

    /// <summary>The error of a statement DuckDB would not prepare, from its message alone (the C API gives no type there).</summary>
    public static SqlApiException Translate(string message, SqlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Translate(TypeOf(message), message, limits, null);
    }

    /// <summary>The type DuckDB's message starts with, such as <c>Catalog Error:</c>.</summary>
    private static DuckDBErrorType TypeOf(string message)
    {
        var prefix = message.Split(" Error:", 2)[0].Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<DuckDBErrorType>(prefix, ignoreCase: true, out var type) ? type : DuckDBErrorType.Invalid;
    }

    private static SqlApiException Translate(DuckDBErrorType type, string message, SqlLimits limits, Exception? inner)
    {
        var text = Readable(message);
        return type switch
        {
            DuckDBErrorType.Parser or DuckDBErrorType.Syntax => new(SqlStates.SyntaxError, text, null, null, inner),
            DuckDBErrorType.Catalog when text.Contains("Function with name", StringComparison.Ordinal) =>
                new(SqlStates.UndefinedFunction, text, null, null, inner),
            DuckDBErrorType.Catalog => new(SqlStates.UndefinedTable, text,
                "The relations are observations, preferred_observations, regions, indicators, targets, achievement, sources, data_versions and region_lineage (also as public.name).", null, inner),
            DuckDBErrorType.Binder when text.Contains("column", StringComparison.OrdinalIgnoreCase) && text.Contains("not found", StringComparison.Ordinal) =>
                new(SqlStates.UndefinedColumn, text, null, null, inner),
            DuckDBErrorType.Binder when text.Contains("function", StringComparison.OrdinalIgnoreCase) =>
                new(SqlStates.UndefinedFunction, text, null, null, inner),
            DuckDBErrorType.Binder => new(SqlStates.SyntaxError, text, null, null, inner),
            DuckDBErrorType.Conversion => new(SqlStates.InvalidTextRepresentation, text, null, null, inner),
            DuckDBErrorType.OutOfRange or DuckDBErrorType.DivideByZero or DuckDBErrorType.InvalidInput or DuckDBErrorType.MismatchType
                or DuckDBErrorType.Decimal or DuckDBErrorType.InvalidType => new(SqlStates.DataException, text, null, null, inner),
            DuckDBErrorType.ParameterNotResolved or DuckDBErrorType.ParameterNotAllowed => new(SqlStates.ProtocolViolation, text,
                "Bind a value to every $n parameter of the statement.", null, inner),
            DuckDBErrorType.Permission or DuckDBErrorType.Settings or DuckDBErrorType.MissingExtension or DuckDBErrorType.Autoload =>
                new(SqlStates.InsufficientPrivilege, text + " " + StatementVetting.Allowed, null, null, inner),
            DuckDBErrorType.OutOfMemory => new(SqlStates.OutOfMemory,
                $"The statement needed more memory than the SQL API's limit, {limits.MemoryLimitSetting}: {text}",
                "Filter or aggregate more (WHERE, GROUP BY, LIMIT) so that less is held at once, or ask the operator to raise the limit.", null, inner),
            DuckDBErrorType.Interrupt => new(SqlStates.QueryCanceled, "The statement was cancelled.", null, null, inner),
            _ => new(SqlStates.InternalError, text, null, null, inner),
        };
    }

    /// <summary>DuckDB's message without the echo of the statement it appends after a blank line.</summary>
    private static string Readable(string message) => message.Split("\n\n", 2)[0].Trim();
}
