using System.Net;

namespace Kencana.Server.SqlApi;

/// <summary>The PostgreSQL wire protocol listener; bound from the <c>SqlApi</c> configuration section. Off unless a port or URL is set.</summary>
public sealed class SqlApiOptions
{
    public const string Section = "SqlApi";

    /// <summary>The TCP port, on 127.0.0.1 unless <see cref="Url"/> names another address (<c>SqlApi__Port=5433</c>).</summary>
    public int? Port { get; set; }

    /// <summary>
    /// Where to listen, <c>host:port</c> (for example <c>127.0.0.1:5433</c> or <c>0.0.0.0:5433</c>); a <see cref="Port"/>
    /// set beside it replaces its port.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The user name clients log in with.</summary>
    public string User { get; set; } = "analyst";

    /// <summary>The user's password; hashed into a SCRAM verifier at start and not kept.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The user's password as PostgreSQL stores it, <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c>
    /// (<c>kencana sql-api hash-password</c> prints one), so that no password stands in the configuration.
    /// </summary>
    public string? PasswordHash { get; set; }

    /// <summary>Let API keys log in as well: user = the key's id, password = the whole key (keys created with a SCRAM verifier).</summary>
    public bool AllowApiKeys { get; set; } = true;

    /// <summary>Connections served at once; one more is refused with SQLSTATE 53300.</summary>
    public int MaxConnections { get; set; } = 32;

    /// <summary>The largest message a client may send (a query's text, a Bind's parameters); a larger one is refused with 54000.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a client has from connecting to being logged in.</summary>
    public int AuthenticationTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a logged-in connection may wait between statements before it is closed (PostgreSQL's idle_session_timeout).</summary>
    public int IdleTimeoutSeconds { get; set; } = 3600;

    /// <summary>PBKDF2 iterations of the verifier made from <see cref="Password"/> (PostgreSQL's default is 4096).</summary>
    public int ScramIterations { get; set; } = 4096;

    public bool Enabled => Port is not null || !string.IsNullOrWhiteSpace(Url);

    /// <summary>The address to bind, from <see cref="Url"/> and <see cref="Port"/>.</summary>
    public IPEndPoint Endpoint()
    {
        var host = "127.0.0.1";
        int? port = null;
        if (!string.IsNullOrWhiteSpace(Url))
        {
            var text = Url.Trim();
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                text = text[(scheme + 3)..];
            }
            text = text.TrimEnd('/');
            var colon = text.LastIndexOf(':');
            if (colon <= 0 || text.EndsWith(']') || !int.TryParse(text[(colon + 1)..], out var parsed))
            {
                throw new InvalidOperationException($"SqlApi:Url '{Url}' is not host:port: write for example 127.0.0.1:5433 (or set SqlApi:Port alone).");
            }
            host = text[..colon].Trim('[', ']');
            port = parsed;
        }
        port = Port ?? port;
        if (port is not (>= 0 and <= 65535))
        {
            throw new InvalidOperationException($"SqlApi:Port {port} is not a TCP port: use 1 to 65535 (0 picks a free one).");
        }
        IPAddress address;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (host is "*" or "+")
        {
            address = IPAddress.Any;
        }
        else if (!IPAddress.TryParse(host, out address!))
        {
            throw new InvalidOperationException($"SqlApi:Url host '{host}' is not an IP address: use 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or the address of one interface.");
        }
        return new IPEndPoint(address, port.Value);
    }
}
