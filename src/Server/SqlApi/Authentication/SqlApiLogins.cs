using System.Security.Cryptography;
using System.Text;
using Kencana.Server.Identity;

namespace Kencana.Server.SqlApi.Authentication;

/// <summary>
/// Who may log in: the configured user (its verifier made once at start, the password then dropped) and, when
/// allowed, API keys created with a SCRAM verifier (user = the key's id). An unknown user gets a stand-in verifier
/// with a stable salt, so the exchange looks the same whether or not the user exists.
/// </summary>
internal sealed class SqlApiLogins(string user, ScramVerifier verifier, ApiKeyStore? keys)
{
    private readonly byte[] _standInSecret = RandomNumberGenerator.GetBytes(32);

    /// <summary>The verifier to check <paramref name="name"/>'s proof against, and whether it is a real login.</summary>
    public (ScramVerifier Verifier, bool Known) Find(string name)
    {
        if (name == user)
        {
            return (verifier, true);
        }
        if (keys is not null && keys.Find(ApiKeySecret.IdOf(name) ?? name) is { RevokedAt: null, ScramVerifier: { } stored } && ScramVerifier.TryParse(stored) is { } keyVerifier)
        {
            return (keyVerifier, true);
        }
        var salt = HMACSHA256.HashData(_standInSecret, Encoding.UTF8.GetBytes(name))[..16];
        return (new ScramVerifier(verifier.Iterations, salt, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)), false);
    }
}
