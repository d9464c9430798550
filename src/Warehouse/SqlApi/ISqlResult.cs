namespace Kencana.Warehouse.SqlApi;

/// <summary>The rows of one statement, read forward once. Dispose it before the session runs the next statement.</summary>
public interface ISqlResult : IDisposable
{
    /// <summary>The columns, in order; empty for a statement that returns no rows.</summary>
    IReadOnlyList<SqlColumn> Columns { get; }

    /// <summary>Moves to the next row; false after the last.</summary>
    /// <exception cref="SqlApiException">The statement failed while producing rows, was cancelled, or broke a limit (time, rows, memory).</exception>
    bool Read();

    /// <summary>
    /// The value of a column in the current row as the CLR type its <see cref="SqlType"/> names, or null for SQL NULL.
    /// </summary>
    object? GetValue(int ordinal);

    /// <summary>How many rows <see cref="Read"/> has produced so far.</summary>
    long RowsRead { get; }
}
