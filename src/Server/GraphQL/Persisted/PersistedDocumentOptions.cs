namespace Kencana.Server.GraphQL.Persisted;

/// <summary>Where persisted documents live and how many may be kept; bound from <c>GraphQL:PersistedDocuments</c>.</summary>
public sealed class PersistedDocumentOptions
{
    public const string Section = "GraphQL:PersistedDocuments";

    /// <summary>The directory of the documents, one file each.</summary>
    public string Directory { get; set; } = "App_Data/persisted-documents";

    /// <summary>The most documents kept; registration beyond it is refused.</summary>
    public int MaxDocuments { get; set; } = 1000;

    /// <summary>The largest document, in bytes of UTF-8; never more than a request may carry (GraphQL:MaxRequestBytes).</summary>
    public int MaxDocumentBytes { get; set; } = 65_536;

    /// <summary>The most disk all documents together may take, in bytes.</summary>
    public long MaxTotalBytes { get; set; } = 16 * 1024 * 1024;
}
