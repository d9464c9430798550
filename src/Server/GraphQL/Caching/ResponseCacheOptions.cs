namespace Kencana.Server.GraphQL.Caching;

/// <summary>The cache of whole GraphQL answers; bound from <c>GraphQL:ResponseCache</c>.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "GraphQL:ResponseCache";

    /// <summary>Serve repeated requests from memory while the data version is unchanged.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most memory the cached answers may take together, in bytes; the least recently used go first.</summary>
    public long MaxBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Answers larger than this are not kept, so one export-sized answer cannot push out hundreds of small ones.</summary>
    public int MaxEntryBytes { get; set; } = 4 * 1024 * 1024;
}
