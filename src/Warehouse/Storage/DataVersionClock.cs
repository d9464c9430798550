using System.Collections.Concurrent;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// The newest data version of each warehouse file this process holds open, kept in memory so that a request learns
/// which data it answers from without a statement.
/// </summary>
/// <remarks>
/// Sound because of how DuckDB locks files: while this process holds a file open (<see cref="WarehouseDatabase.KeepOpen()"/>),
/// no other process can write it, so every new version is committed by code in this process, and every such writer
/// (importer, seed loader, generator) calls <see cref="Advanced"/> after its commit. A file nobody holds open is read
/// afresh each time. The generation counter keeps a read that raced with a commit from storing the older number.
/// </remarks>
internal static class DataVersionClock
{
    private static readonly ConcurrentDictionary<string, Entry> Held = new(StringComparer.Ordinal);

    /// <summary>Starts keeping the version of <paramref name="path"/> in memory, until the returned hold is disposed.</summary>
    public static IDisposable Hold(string path)
    {
        var entry = Held.AddOrUpdate(path, _ => new Entry(), (_, existing) => existing.AddHolder());
        return new Holding(path, entry);
    }

    /// <summary>The newest version of the file: from memory when held and known, else read with <paramref name="read"/>.</summary>
    public static int Current(string path, Func<int> read)
    {
        if (!Held.TryGetValue(path, out var entry))
        {
            return read();
        }
        var (generation, known) = entry.Snapshot();
        if (known is { } version)
        {
            return version;
        }
        var fresh = read();
        entry.Store(generation, fresh);
        return fresh;
    }

    /// <summary>Says that a write to <paramref name="path"/> committed a new data version: the next read goes to the file.</summary>
    public static void Advanced(string path)
    {
        if (Held.TryGetValue(path, out var entry))
        {
            entry.Invalidate();
        }
    }

    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private int _holders = 1;
        private long _generation;
        private int? _version;

        public Entry AddHolder()
        {
            lock (_gate)
            {
                _holders++;
                return this;
            }
        }

        /// <summary>True when the last holder let go.</summary>
        public bool RemoveHolder()
        {
            lock (_gate)
            {
                return --_holders == 0;
            }
        }

        public (long Generation, int? Version) Snapshot()
        {
            lock (_gate)
            {
                return (_generation, _version);
            }
        }

        public void Store(long generation, int version)
        {
            lock (_gate)
            {
                if (_generation == generation)
                {
                    _version = version;
                }
            }
        }

        public void Invalidate()
        {
            lock (_gate)
            {
                _generation++;
                _version = null;
            }
        }
    }

    private sealed class Holding(string path, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && entry.RemoveHolder())
            {
                Held.TryRemove(new KeyValuePair<string, Entry>(path, entry));
            }
        }
    }
}
