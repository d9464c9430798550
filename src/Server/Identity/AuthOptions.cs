namespace Kencana.Server.Identity;

/// <summary>Who may call the server: the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key store's file name beside the warehouse when <see cref="KeyStore"/> names none.</summary>
    public const string DefaultKeyStoreName = "kencana-keys.json";

    /// <summary>
    /// Whether callers without credentials may read (GraphQL queries, exports, Flight): on for public statistics, off
    /// (<c>Auth__AllowAnonymousRead=false</c>) for a closed deployment, where every endpoint but health answers 401.
    /// </summary>
    public bool AllowAnonymousRead { get; set; } = true;

    /// <summary>
    /// Whether an export of everything (<c>all=true</c>, the one export no filter bounds) needs the role analyst or
    /// above. Off by default, since public statistics are meant to be downloaded whole; on where bulk pulls must be
    /// accounted for.
    /// </summary>
    public bool ExportAllNeedsAnalyst { get; set; }

    /// <summary>The API key store (hashes only); by default <c>kencana-keys.json</c> beside the warehouse.</summary>
    public string? KeyStore { get; set; }

    /// <summary>Bearer tokens from an organisation's identity provider.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>The key store's full path, given the warehouse's.</summary>
    public string ResolveKeyStore(string warehousePath) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(KeyStore)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehousePath)) ?? ".", DefaultKeyStoreName)
            : KeyStore);
}
