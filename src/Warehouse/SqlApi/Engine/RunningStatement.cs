using DuckDB.NET.Data;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// One statement from Execute until its result is disposed: the timer of its time limit, the client's cancellation,
/// and why it was stopped, so that the error says whether the client or the limit stopped it.
/// </summary>
/// <remarks>
/// Stopping interrupts the connection inside DuckDB (DuckDB.NET's Cancel), which is safe from any thread. Once the
/// statement has ended, a late stop does nothing: an interrupt then would hit the session's next statement.
/// </remarks>
internal sealed class RunningStatement : IDisposable
{
    private readonly Lock _gate = new();
    private readonly DuckDBCommand _command;
    private readonly Timer _timer;
    private readonly CancellationTokenRegistration _registration;
    private StopReason _reason;
    private bool _ended;

    public RunningStatement(DuckDBCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _command = command;
        _timer = new Timer(_ => Stop(StopReason.TimeLimit), null, timeout, Timeout.InfiniteTimeSpan);
        _registration = cancellationToken.Register(() => Stop(StopReason.Cancelled));
    }

    /// <summary>Why the statement was stopped, if it was.</summary>
    public StopReason Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>Stops the statement inside DuckDB unless it has ended or was stopped already.</summary>
    public void Stop(StopReason reason)
    {
        lock (_gate)
        {
            if (_ended || _reason != StopReason.None)
            {
                return;
            }
            _reason = reason;
            _command.Cancel();
        }
    }

    /// <summary>The error of a stopped statement: 57014, naming the time limit when that stopped it.</summary>
    public SqlApiException Stopped(SqlLimits limits, Exception? inner) => Reason == StopReason.TimeLimit
        ? new SqlApiException(SqlStates.QueryCanceled, $"The statement was stopped after the statement time limit {limits.StatementTimeoutSetting}.",
            "Ask for less (a WHERE on indicator, region_code or year, an aggregate, a LIMIT), or ask the operator to raise the limit.", null, inner)
        : new SqlApiException(SqlStates.QueryCanceled, "The statement was cancelled on request.", null, null, inner);

    public void Dispose()
    {
        lock (_gate)
        {
            _ended = true;
        }
        _timer.Dispose();
        _registration.Dispose();
    }
}

/// <summary>Why a statement was stopped.</summary>
internal enum StopReason
{
    /// <summary>It was not.</summary>
    None,

    /// <summary>The client cancelled it.</summary>
    Cancelled,

    /// <summary>It ran past the statement time limit.</summary>
    TimeLimit,

    /// <summary>Its result passed the row limit.</summary>
    RowLimit,
}
