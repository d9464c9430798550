using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// The rows of one statement, read from DuckDB's streaming result: DuckDB produces a chunk of rows at a time as they
/// are read, so a result of millions of rows never sits in memory.
/// </summary>
internal sealed class DuckDbSqlResult : ISqlResult
{
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly RunningStatement _running;
    private readonly SqlLimits _limits;
    private readonly Action<DuckDbSqlResult> _disposed;
    private readonly DuckDBType[] _types;
    private bool _isDisposed;

    public DuckDbSqlResult(DuckDBCommand command, DuckDBDataReader reader, RunningStatement running, SqlLimits limits, Action<DuckDbSqlResult> disposed)
    {
        _command = command;
        _reader = reader;
        _running = running;
        _limits = limits;
        _disposed = disposed;
        _types = new DuckDBType[reader.FieldCount];
        var columns = new SqlColumn[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _types[i] = SqlTypeMapping.ColumnType(reader, i);
            columns[i] = new SqlColumn(reader.GetName(i), SqlTypeMapping.Of(_types[i]));
        }
        Columns = columns;
    }

    public IReadOnlyList<SqlColumn> Columns { get; }

    public long RowsRead { get; private set; }

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_isDisposed, this);
        if (_running.Reason is StopReason.Cancelled or StopReason.TimeLimit)
        {
            // Stopped between two chunks (or before DuckDB began, when an interrupt finds nothing to stop).
            throw _running.Stopped(_limits, null);
        }
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (OperationCanceledException ex)
        {
            throw _running.Stopped(_limits, ex);
        }
        catch (DuckDBException ex)
        {
            throw _running.Reason is StopReason.None ? DuckDbErrors.Translate(ex, _limits) : _running.Stopped(_limits, ex);
        }
        if (!more)
        {
            return false;
        }
        if (RowsRead >= _limits.MaxRows)
        {
            _running.Stop(StopReason.RowLimit);
            throw new SqlApiException(SqlStates.ProgramLimitExceeded,
                $"The result has more rows than the SQL API's row limit, {_limits.MaxRowsSetting}; the first {RowsRead} were sent.",
                "Narrow the statement with WHERE (indicator, region_code, year), aggregate with GROUP BY, or add a LIMIT.");
        }
        RowsRead++;
        return true;
    }

    public object? GetValue(int ordinal)
    {
        ObjectDisposedException.ThrowIf(_isDisposed, this);
        return _reader.IsDBNull(ordinal) ? null : SqlTypeMapping.Read(_reader, ordinal, _types[ordinal]);
    }

    public void Dispose()
    {
        if (_isDisposed)
        {
            return;
        }
        _isDisposed = true;
        _running.Dispose();
        _reader.Dispose();
        _command.Dispose();
        _disposed(this);
    }
}
