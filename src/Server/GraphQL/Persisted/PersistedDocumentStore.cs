using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;

namespace Kencana.Server.GraphQL.Persisted;

/// <summary>
/// Documents pinned by their SHA-256 (<c>sha256:&lt;hex&gt;</c>), so a BI tool can send a short id instead of the query
/// text and be sure the server runs exactly the document it registered. Kept as one file per document beside the
/// warehouse, so they survive restarts and can be reviewed.
/// </summary>
public sealed class PersistedDocumentStore(PersistedDocumentOptions options) : IPersistedDocumentLoader
{
    private readonly string _directory = Path.GetFullPath(options.Directory);

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken)
    {
        if (documentIdPrefix != "sha256" || !IsHex(documentIdPayload))
        {
            return ValueTask.FromResult<string?>(null);
        }
        var path = Path.Combine(_directory, documentIdPayload.ToLowerInvariant() + ".graphql");
        return ValueTask.FromResult(File.Exists(path) ? File.ReadAllText(path) : null);
    }

    /// <summary>Stores a document and returns its id; storing the same text again returns the same id.</summary>
    public string Save(string document)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, hex + ".graphql");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, document, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        return "sha256:" + hex;
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}

/// <summary>Where persisted documents live; bound from <c>GraphQL:PersistedDocuments</c>.</summary>
public sealed class PersistedDocumentOptions
{
    public const string Section = "GraphQL:PersistedDocuments";

    public string Directory { get; set; } = "App_Data/persisted-documents";
}
