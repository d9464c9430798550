using System.Security.Cryptography;
using System.Text;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Authentication;

/// <summary>
/// The server's side of one SCRAM-SHA-256 exchange without channel binding (RFC 5802 section 5, as PostgreSQL
/// speaks it): client-first, server-first, client-final with its proof, server-final with the server's signature.
/// </summary>
/// <param name="verifier">The user's verifier; for an unknown user a stand-in that no proof matches.</param>
internal sealed class ScramExchange(ScramVerifier verifier)
{
    private string _clientFirstBare = "";
    private string _serverFirst = "";
    private string _gs2Header = "";
    private string _nonce = "";

    /// <summary>Reads the client-first message and returns the server-first one.</summary>
    public byte[] Start(ReadOnlySpan<byte> clientFirst)
    {
        var text = Encoding.UTF8.GetString(clientFirst);
        // gs2-header: a channel-binding flag, then an optional authzid, each followed by a comma.
        var first = text.IndexOf(',');
        var second = first < 0 ? -1 : text.IndexOf(',', first + 1);
        if (second < 0)
        {
            throw Malformed("client-first message without its GS2 header");
        }
        var flag = text[..first];
        if (flag.StartsWith("p=", StringComparison.Ordinal))
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, "SCRAM channel binding is not offered: the SQL API speaks without TLS; connect with channel_binding=disable or prefer.");
        }
        if (flag is not ("n" or "y"))
        {
            throw Malformed("client-first message with an unknown channel-binding flag");
        }
        _gs2Header = text[..(second + 1)];
        _clientFirstBare = text[(second + 1)..];
        var clientNonce = Attribute(_clientFirstBare, 'r') ?? throw Malformed("client-first message without a nonce");
        _nonce = clientNonce + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        _serverFirst = $"r={_nonce},s={Convert.ToBase64String(verifier.Salt)},i={verifier.Iterations}";
        return Encoding.UTF8.GetBytes(_serverFirst);
    }

    /// <summary>Checks the client's proof; returns the server-final message when it holds, null when the password is wrong.</summary>
    public byte[]? Finish(ReadOnlySpan<byte> clientFinal)
    {
        var text = Encoding.UTF8.GetString(clientFinal);
        var proofAt = text.LastIndexOf(",p=", StringComparison.Ordinal);
        if (proofAt < 0)
        {
            throw Malformed("client-final message without a proof");
        }
        var withoutProof = text[..proofAt];
        var binding = Attribute(withoutProof, 'c');
        if (binding is null || Attribute(withoutProof, 'r') != _nonce)
        {
            throw Malformed("client-final message whose nonce or channel binding does not match");
        }
        byte[] proof;
        try
        {
            if (Encoding.UTF8.GetString(Convert.FromBase64String(binding)) != _gs2Header)
            {
                throw Malformed("client-final message whose channel binding differs from its GS2 header");
            }
            proof = Convert.FromBase64String(text[(proofAt + 3)..]);
        }
        catch (FormatException)
        {
            throw Malformed("client-final message that is not base64 where it should be");
        }
        var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{withoutProof}");
        var clientSignature = HMACSHA256.HashData(verifier.StoredKey, authMessage);
        if (proof.Length != clientSignature.Length)
        {
            return null;
        }
        var clientKey = new byte[proof.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            clientKey[i] = (byte)(proof[i] ^ clientSignature[i]);
        }
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(clientKey), verifier.StoredKey))
        {
            return null;
        }
        var serverSignature = HMACSHA256.HashData(verifier.ServerKey, authMessage);
        return Encoding.UTF8.GetBytes("v=" + Convert.ToBase64String(serverSignature));
    }

    /// <summary>The value of attribute <paramref name="name"/> (<c>r=...</c>) in a comma-separated SCRAM message.</summary>
    private static string? Attribute(string message, char name)
    {
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[0] == name && part[1] == '=')
            {
                return part[2..];
            }
        }
        return null;
    }

    private static SqlApiException Malformed(string what) => new(SqlStates.ProtocolViolation, $"malformed SCRAM message: {what}");
}
