namespace Kencana.Warehouse.SqlApi;

/// <summary>
/// A statement or session the SQL API refuses or could not complete, with the PostgreSQL SQLSTATE a client's driver
/// understands (<see cref="SqlStates"/>). The message says what went wrong and, for a limit, names the limit.
/// </summary>
public sealed class SqlApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sqlState">The five-character SQLSTATE, one of <see cref="SqlStates"/>.</param>
    /// <param name="message">What went wrong, for the client.</param>
    /// <param name="hint">What to do about it, when there is something to do.</param>
    /// <param name="position">The 1-based character position in the statement the error refers to, when known.</param>
    /// <param name="innerException">The engine's own error, when there is one.</param>
    public SqlApiException(string sqlState, string message, string? hint = null, int? position = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(sqlState);
        SqlState = sqlState;
        Hint = hint;
        Position = position;
    }

    /// <summary>The SQLSTATE, for example 42501 for a refused statement or 57014 for a cancelled one.</summary>
    public string SqlState { get; }

    /// <summary>What to do about it, or null.</summary>
    public string? Hint { get; }

    /// <summary>The 1-based character position in the statement, or null.</summary>
    public int? Position { get; }
}
