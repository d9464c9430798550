using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kencana.Server.GraphQL.Caching;

/// <summary>
/// Keeps documents that parsed and validated, keyed by their text, so a query sent again (as dashboards and BI tools
/// do, with new variables) skips parsing and the full validation. Only the rules that depend on variable values run
/// again (<c>CachedDocumentValidationRules</c>: the cost rule, since a page size may come from a variable).
/// </summary>
/// <remarks>Runs after the persisted-document loader (200), which turns a document id into its text, and before the size guard (300).</remarks>
internal sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _documents;

    public DocumentCache(IOptions<DocumentCacheOptions> options) =>
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MaxBytes) });

    public float SortOrder => 250;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options).ConfigureAwait(false);
        }
        if (_documents.TryGetValue(query, out GraphQLDocument? known) && known is not null)
        {
            options.Document = known;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }
        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is { } validated)
        {
            // Sized by the text's length: the syntax tree is a small multiple of it, and the bound only has to be honest in proportion.
            _documents.Set(query, validated, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length * sizeof(char)) });
        }
        return result;
    }

    public void Dispose() => _documents.Dispose();
}
