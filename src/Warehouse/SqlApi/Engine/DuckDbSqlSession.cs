using DuckDB.NET.Data;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// A client's session: one connection to its snapshot's locked instance, vetting every statement before DuckDB binds
/// it, and the limits of <see cref="SqlLimits"/> on every statement.
/// </summary>
internal sealed class DuckDbSqlSession : ISqlSession
{
    private readonly Lock _gate = new();
    private readonly SandboxSnapshot _snapshot;
    private readonly DuckDBConnection _connection;
    private readonly SqlLimits _limits;
    private RunningStatement? _running;
    private DuckDbSqlResult? _result;
    private bool _disposed;

    public DuckDbSqlSession(SandboxSnapshot snapshot, DuckDBConnection connection, SqlLimits limits)
    {
        _snapshot = snapshot;
        _connection = connection;
        _limits = limits;
    }

    public int DataVersion => _snapshot.DataVersion;

    public SqlStatementShape Describe(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CloseResult();
        StatementVetting.Vet(_connection, sql);
        return PreparedShape.Read(_connection, sql, _limits);
    }

    public ISqlResult Execute(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The contract asks for the previous result to be disposed first; a client that forgot gets it closed.
        CloseResult();
        StatementVetting.Vet(_connection, sql);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true;
        foreach (var value in parameters)
        {
            command.Parameters.Add(SqlTypeMapping.Parameter(value));
        }
        var running = new RunningStatement(command, _limits.StatementTimeout, cancellationToken);
        lock (_gate)
        {
            _running = running;
        }
        try
        {
            var reader = command.ExecuteReader();
            var result = new DuckDbSqlResult(command, reader, running, _limits, Ended);
            lock (_gate)
            {
                _result = result;
            }
            return result;
        }
        catch (Exception ex) when (ex is OperationCanceledException or DuckDBException)
        {
            Ended(null);
            running.Dispose();
            command.Dispose();
            if (ex is DuckDBException duck && running.Reason == StopReason.None)
            {
                throw DuckDbErrors.Translate(duck, _limits);
            }
            throw running.Stopped(_limits, ex);
        }
        catch
        {
            Ended(null);
            running.Dispose();
            command.Dispose();
            throw;
        }
    }

    public void Cancel()
    {
        RunningStatement? running;
        lock (_gate)
        {
            running = _running;
        }
        running?.Stop(StopReason.Cancelled);
    }

    private void Ended(DuckDbSqlResult? result)
    {
        lock (_gate)
        {
            if (result is null || ReferenceEquals(_result, result))
            {
                _result = null;
                _running = null;
            }
        }
    }

    private void CloseResult()
    {
        DuckDbSqlResult? open;
        lock (_gate)
        {
            open = _result;
        }
        open?.Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        CloseResult();
        _connection.Dispose();
        _snapshot.Release();
    }
}
