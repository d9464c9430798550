using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kencana.Server.SqlApi.Authentication;

/// <summary>
/// What SCRAM-SHA-256 (RFC 5802, RFC 7677) keeps of a password: salt, iteration count, StoredKey and ServerKey,
/// written as PostgreSQL writes them in pg_authid, <c>SCRAM-SHA-256$4096:salt$StoredKey:ServerKey</c> (base64).
/// The password itself cannot be recovered from it.
/// </summary>
public sealed record ScramVerifier(int Iterations, byte[] Salt, byte[] StoredKey, byte[] ServerKey)
{
    private const string Prefix = "SCRAM-SHA-256$";

    /// <summary>Hashes a password with a new random salt.</summary>
    public static ScramVerifier Create(string password, int iterations = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return FromSalt(password, RandomNumberGenerator.GetBytes(16), iterations);
    }

    internal static ScramVerifier FromSalt(string password, byte[] salt, int iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return new ScramVerifier(iterations, salt, SHA256.HashData(clientKey), serverKey);
    }

    /// <summary>Reads the PostgreSQL form; null when <paramref name="text"/> is not one.</summary>
    public static ScramVerifier? TryParse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = text[Prefix.Length..].Split('$');
        if (parts.Length != 2)
        {
            return null;
        }
        var head = parts[0].Split(':');
        var keys = parts[1].Split(':');
        if (head.Length != 2 || keys.Length != 2 || !int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return null;
        }
        try
        {
            var verifier = new ScramVerifier(iterations, Convert.FromBase64String(head[1]), Convert.FromBase64String(keys[0]), Convert.FromBase64String(keys[1]));
            return verifier.StoredKey.Length == 32 && verifier.ServerKey.Length == 32 && verifier.Salt.Length > 0 ? verifier : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Iterations}:{Convert.ToBase64String(Salt)}${Convert.ToBase64String(StoredKey)}:{Convert.ToBase64String(ServerKey)}");
}
