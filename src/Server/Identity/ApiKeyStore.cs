using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kencana.Server.Identity;

/// <summary>
/// The API keys, in a small JSON file beside the warehouse (<see cref="AuthOptions.KeyStore"/>): hashes, roles and
/// scopes, never a key itself.
/// </summary>
/// <remarks>
/// Not in the warehouse: DuckDB allows one writer per file and the running server is it, so <c>keys create</c> and
/// <c>keys revoke</c> could not run beside the server. The file is replaced atomically (written aside, then renamed),
/// and the server re-reads it whenever its time stamp or length changes, which costs one stat per request; a
/// revocation therefore holds from the next request on, without a restart.
/// </remarks>
public sealed class ApiKeyStore(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();
    private (DateTime Written, long Length) _loadedStamp;
    private IReadOnlyDictionary<string, ApiKeyRecord> _loaded = new Dictionary<string, ApiKeyRecord>();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyRecord> List() => [.. Current().Values.OrderBy(k => k.CreatedAt)];

    /// <summary>The stored key with this public id, as of the file's current contents.</summary>
    public ApiKeyRecord? Find(string id) => Current().GetValueOrDefault(id);

    /// <summary>Creates a key, stores its hash and returns the key: the only time it is ever shown.</summary>
    public (ApiKeyRecord Record, string Key) Create(string role, IReadOnlyList<string> regions, string? name)
    {
        var (id, key) = ApiKeySecret.Generate();
        // SCRAM cannot check a password against a SHA-256, so the SQL API's verifier is made here, while the key is known.
        var record = new ApiKeyRecord(id, name, role, regions, ApiKeySecret.Hash(key), DateTimeOffset.UtcNow, null, SqlApi.Authentication.ScramVerifier.Create(key).ToString());
        Update(keys => [.. keys, record]);
        return (record, key);
    }

    /// <summary>Revokes a key; returns it, or null when there is no key with that id.</summary>
    public ApiKeyRecord? Revoke(string id)
    {
        ApiKeyRecord? revoked = null;
        Update(keys => [.. keys.Select(k =>
        {
            if (k.Id != id)
            {
                return k;
            }
            revoked = k with { RevokedAt = k.RevokedAt ?? DateTimeOffset.UtcNow };
            return revoked;
        })]);
        return revoked;
    }

    private IReadOnlyDictionary<string, ApiKeyRecord> Current()
    {
        var file = new FileInfo(Path);
        var stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        lock (_gate)
        {
            if (stamp != _loadedStamp)
            {
                _loaded = Read().ToDictionary(k => k.Id, StringComparer.Ordinal);
                _loadedStamp = stamp;
            }
            return _loaded;
        }
    }

    private List<ApiKeyRecord> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        try
        {
            using var stream = File.OpenRead(Path);
            return JsonSerializer.Deserialize<StoreFile>(stream, Json)?.Keys ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The API key store {Path} is not a key store ({ex.Message}): restore it from a backup, or move it aside and create the keys again.", ex);
        }
    }

    private void Update(Func<List<ApiKeyRecord>, List<ApiKeyRecord>> change)
    {
        lock (_gate)
        {
            var keys = change(Read());
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var aside = $"{Path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(aside, JsonSerializer.Serialize(new StoreFile(keys), Json));
            if (!OperatingSystem.IsWindows())
            {
                // Hashes only, but nobody else needs to read them.
                File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(aside, Path, overwrite: true);
        }
    }

    private sealed record StoreFile(List<ApiKeyRecord> Keys);
}
