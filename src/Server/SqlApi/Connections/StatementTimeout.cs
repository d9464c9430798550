namespace Kencana.Server.SqlApi.Connections;

/// <summary>The client's statement_timeout: cancels the statement when it runs longer, and remembers that it did.</summary>
internal sealed class StatementTimeout : IDisposable
{
    private readonly Timer? _timer;
    private volatile bool _fired;

    public StatementTimeout(TimeSpan? after, Action cancel)
    {
        if (after is { } due)
        {
            _timer = new Timer(_ =>
            {
                _fired = true;
                cancel();
            }, null, due, Timeout.InfiniteTimeSpan);
        }
    }

    public bool Fired => _fired;

    public void Dispose() => _timer?.Dispose();
}
