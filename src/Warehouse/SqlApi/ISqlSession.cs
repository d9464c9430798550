namespace Kencana.Warehouse.SqlApi;

/// <summary>
/// One client's read-only SQL session over one snapshot of the curated relations. Not thread-safe, except for
/// <see cref="Cancel"/>, which another thread calls to stop the running statement.
/// </summary>
public interface ISqlSession : IDisposable
{
    /// <summary>The data version whose relations this session reads; it does not change for the session's life.</summary>
    int DataVersion { get; }

    /// <summary>
    /// Prepares a statement without running it and says what it takes and returns, for the protocol's Parse and
    /// Describe: parameters are written <c>$1</c>, <c>$2</c>, ... as in PostgreSQL.
    /// </summary>
    /// <exception cref="SqlApiException">The statement is not valid, not a read, or names something outside the curated relations.</exception>
    SqlStatementShape Describe(string sql);

    /// <summary>
    /// Runs one read-only statement with its parameters bound to <c>$1</c>, <c>$2</c>, ... in order, and returns its
    /// rows as a stream: rows are produced as they are read, never all held in memory.
    /// </summary>
    /// <param name="sql">One statement.</param>
    /// <param name="parameters">The parameter values as the CLR types <see cref="SqlType"/> names, or null.</param>
    /// <param name="cancellationToken">Stops the statement, like <see cref="Cancel"/>.</param>
    /// <exception cref="SqlApiException">The statement is refused, fails, or breaks a limit; the SQLSTATE says which.</exception>
    ISqlResult Execute(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken);

    /// <summary>Stops the statement running in this session, if any; the statement then fails with SQLSTATE 57014. Safe from any thread.</summary>
    void Cancel();
}
