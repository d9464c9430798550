using System.Collections.Concurrent;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// One writer at a time per warehouse file within this process. DuckDB would let two transactions run and abort
/// one at commit on a conflict; taking turns instead keeps data version numbers consecutive and gives every writer
/// (an HTTP import, a target mutation) a clean success rather than a retry. Other processes are kept out by DuckDB's
/// own file lock.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's turn; dispose the result to pass it on.</summary>
    public static IDisposable Enter(string path)
    {
        var gate = Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
