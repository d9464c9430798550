using System.Security.Cryptography;
using System.Text;

namespace Kencana.Server.Identity;

/// <summary>
/// The shape of an API key, <c>kk_ID_SECRET</c>: a short public id (6 random bytes in hex) to find and revoke it by,
/// and 256 random bits, base64url. Only the SHA-256 of the whole key is stored: a fast hash suffices for 256 random
/// bits, which no dictionary or brute force reaches, and keeps each request's check to microseconds.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "kk_";

    /// <summary>A new key and its public id.</summary>
    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>True when the text has the key's shape, so that a bearer credential can be told from a JWT.</summary>
    public static bool LooksLikeKey(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The public id of a key, or null when the text is not a key.</summary>
    public static string? IdOf(string key)
    {
        if (!LooksLikeKey(key))
        {
            return null;
        }
        var rest = key.AsSpan(Prefix.Length);
        var end = rest.IndexOf('_');
        return end == 12 && rest.Length > 13 ? rest[..end].ToString() : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string key, string sha256) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(sha256));
}
