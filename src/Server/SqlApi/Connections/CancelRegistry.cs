using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>
/// The open connections by their BackendKeyData (process id and secret), so that a CancelRequest arriving on a new
/// connection stops the statement of the one it names, and only when the secret matches.
/// </summary>
internal sealed class CancelRegistry
{
    private readonly ConcurrentDictionary<int, (int Secret, Action Cancel)> _open = new();
    private int _lastId = RandomNumberGenerator.GetInt32(1000, 30000);

    /// <summary>Registers a connection; returns its process id and secret.</summary>
    public (int ProcessId, int Secret) Register(Action cancel)
    {
        var id = Interlocked.Increment(ref _lastId);
        var secret = RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        _open[id] = (secret, cancel);
        return (id, secret);
    }

    public void Unregister(int processId) => _open.TryRemove(processId, out _);

    /// <summary>Cancels the named connection's statement; false when there is no such connection or the secret is wrong.</summary>
    public bool Cancel(int processId, int secret)
    {
        if (_open.TryGetValue(processId, out var entry) && entry.Secret == secret)
        {
            entry.Cancel();
            return true;
        }
        return false;
    }
}
