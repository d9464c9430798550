using Microsoft.Extensions.Caching.Memory;

namespace Kencana.Server.GraphQL.Caching;

/// <summary>
/// Whole GraphQL answers kept in memory, keyed by the data version and the request, so that a dashboard repeating its
/// queries is answered without running them. A new data version makes every older entry unreachable (the key
/// carries the version), and the least recently used entries go when <see cref="ResponseCacheOptions.MaxBytes"/> is
/// reached. Only complete answers without errors are kept.
/// </summary>
public sealed class ResponseCache(ResponseCacheOptions options) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.MaxBytes, CompactionPercentage = 0.25 });

    /// <summary>
    /// The key of a request's user context that a resolver sets when its answer must not be kept: forecasts, whose
    /// model may still be the previous version's while the new one trains (they have their own cache per version).
    /// </summary>
    public const string NotCacheableKey = "notCacheable";

    /// <summary>Whether to use the cache at all (<see cref="ResponseCacheOptions.Enabled"/>); callers ask before they look up.</summary>
    public bool Enabled => options.Enabled;

    internal bool TryGet(ResponseCacheKey key, out byte[] answer)
    {
        answer = _entries.TryGetValue(key, out byte[]? found) && found is not null ? found : [];
        return answer.Length > 0;
    }

    internal void Add(ResponseCacheKey key, byte[] answer)
    {
        if (answer.Length <= options.MaxEntryBytes)
        {
            // Older versions' entries are never asked for again; they age out under the size limit.
            _entries.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Length + 128, SlidingExpiration = TimeSpan.FromHours(1) });
        }
    }

    public void Dispose() => _entries.Dispose();
}
