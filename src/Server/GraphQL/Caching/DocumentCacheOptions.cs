namespace Kencana.Server.GraphQL.Caching;

/// <summary>The cache of parsed and validated GraphQL documents; bound from <c>GraphQL:DocumentCache</c>.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "GraphQL:DocumentCache";

    /// <summary>The most query text the cache keeps, in bytes (UTF-16); the least recently used documents go first.</summary>
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;
}
