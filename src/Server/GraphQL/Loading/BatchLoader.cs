using GraphQL.DataLoader;

namespace Kencana.Server.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while graphql-dotnet resolves one level of a query, then loads them all
/// in one call when the first result is awaited, and remembers them for the rest of the request. This is what keeps
/// "514 kabupaten/kota with their series" at a handful of SQL statements instead of a thousand.
/// </summary>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, IReadOnlyDictionary<TKey, TValue>> _fetch;
    private readonly Dictionary<TKey, Pending> _results = [];
    private readonly Lock _gate = new();
    private Batch? _open;

    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, IReadOnlyDictionary<TKey, TValue>> fetch) => _fetch = fetch;

    /// <summary>A result that loads, together with every other key queued so far, when it is first awaited.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (_results.TryGetValue(key, out var known))
            {
                return known;
            }
            _open ??= new Batch();
            _open.Keys.Add(key);
            var pending = new Pending(this, _open, key);
            _results[key] = pending;
            return pending;
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Run(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Loaded is null)
            {
                if (ReferenceEquals(_open, batch))
                {
                    _open = null;
                }
                var keys = batch.Keys.ToList();
                batch.Loaded = Task.Run(() => _fetch(keys, cancellationToken), cancellationToken);
            }
            return batch.Loaded;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Loaded { get; set; }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var loaded = await loader.Run(batch, cancellationToken).ConfigureAwait(false);
            return loaded.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
