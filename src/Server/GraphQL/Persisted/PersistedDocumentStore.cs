using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Persisted;

/// <summary>
/// Documents pinned by their SHA-256 (<c>sha256:&lt;hex&gt;</c>), so a BI tool can send a short id instead of the query
/// text and be sure the server runs exactly the document it registered. Kept as one file per document beside the
/// warehouse, so they survive restarts and can be reviewed.
/// </summary>
public sealed class PersistedDocumentStore(PersistedDocumentOptions options) : IPersistedDocumentLoader
{
    private readonly string _directory = Path.GetFullPath(options.Directory);
    private readonly Lock _gate = new();

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken)
    {
        if (documentIdPrefix != "sha256" || !IsHex(documentIdPayload))
        {
            return ValueTask.FromResult<string?>(null);
        }
        var path = Path.Combine(_directory, documentIdPayload.ToLowerInvariant() + ".graphql");
        return ValueTask.FromResult(File.Exists(path) ? File.ReadAllText(path) : null);
    }

    /// <summary>
    /// Stores a document and returns its id; storing the same text again returns the same id. Refuses a document over
    /// the size limit, and a new one when the store holds as many documents or bytes as it may.
    /// </summary>
    /// <exception cref="UserInputException">A limit would be passed; the message names it.</exception>
    public string Save(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document);
        if (bytes.Length > options.MaxDocumentBytes)
        {
            throw new UserInputException(ErrorCodes.RequestTooLarge,
                $"The document is {bytes.Length} bytes; the limit (GraphQL:PersistedDocuments:MaxDocumentBytes) is {options.MaxDocumentBytes}.", "query");
        }
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Path.Combine(_directory, hex + ".graphql");
        // One registration at a time, so that two cannot both pass the count check and overshoot it.
        lock (_gate)
        {
            if (File.Exists(path))
            {
                return "sha256:" + hex;
            }
            Directory.CreateDirectory(_directory);
            var stored = new DirectoryInfo(_directory).GetFiles("*.graphql");
            if (stored.Length >= options.MaxDocuments)
            {
                throw new UserInputException(ErrorCodes.PersistedDocumentLimit,
                    $"The server already keeps {stored.Length} persisted documents, its limit (GraphQL:PersistedDocuments:MaxDocuments); send the query text instead, or ask the operator to remove unused documents from {options.Directory}.");
            }
            var total = stored.Sum(f => f.Length);
            if (total + bytes.Length > options.MaxTotalBytes)
            {
                throw new UserInputException(ErrorCodes.PersistedDocumentLimit,
                    $"The persisted documents take {total} bytes; this one would pass the limit (GraphQL:PersistedDocuments:MaxTotalBytes) of {options.MaxTotalBytes}.");
            }
            // Written beside its final name and moved into place, so a reader never sees half a document.
            var partial = path + ".partial";
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }
        return "sha256:" + hex;
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
