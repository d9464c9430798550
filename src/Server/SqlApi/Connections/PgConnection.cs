using System.Net.Sockets;
using Kencana.Server.SqlApi.Authentication;
using Kencana.Server.SqlApi.Catalog;
using Kencana.Server.SqlApi.Protocol;
using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>
/// One client connection after its StartupMessage: SCRAM-SHA-256 login, then the simple and extended query protocols
/// until Terminate or hang-up. It runs on a thread of its own with blocking I/O, because the engine's calls block.
/// </summary>
internal sealed partial class PgConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PgMessageReader _reader;
    private readonly PgMessageWriter _writer;
    private readonly ConnectionServices _services;
    private readonly StartupPacket _startup;
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Portal> _portals = new(StringComparer.Ordinal);
    private ClientSettings _settings = null!;
    private CatalogContext _catalog = null!;
    private ISqlSession? _session;
    private TransactionStatus _status = TransactionStatus.Idle;
    private string _user = "";
    private int _processId;

    public PgConnection(Socket socket, NetworkStream stream, StartupPacket startup, ConnectionServices services)
    {
        _socket = socket;
        _stream = stream;
        _startup = startup;
        _services = services;
        _reader = new PgMessageReader(stream, services.Options.MaxMessageBytes);
        _writer = new PgMessageWriter(stream);
    }

    private SqlApiOptions Options => _services.Options;

    private ILogger Logger => _services.Logger;

    /// <summary>Serves the connection until it ends; never throws.</summary>
    public void Run()
    {
        try
        {
            if (!LogIn())
            {
                return;
            }
            Serve();
        }
        catch (SqlApiException ex)
        {
            // A protocol violation or a refusal at start-up: tell the client, then hang up.
            TrySend(() => _writer.Error(ex, "FATAL"));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
            LogHangUp(Logger, _user, ex.Message);
        }
        catch (Exception ex)
        {
            LogConnectionFailed(Logger, ex, _user);
            TrySend(() => _writer.Error("FATAL", SqlStates.InternalError, $"internal error in the SQL API: {ex.Message}"));
        }
    }

    /// <summary>Stops the running statement, for a CancelRequest.</summary>
    public void Cancel()
    {
        _session?.Cancel();
    }

    /// <summary>Ends the connection from outside (the server is stopping): cancels its statement and closes its socket.</summary>
    public void Abort()
    {
        Cancel();
        _socket.Close();
    }

    private bool LogIn()
    {
        _socket.ReceiveTimeout = checked(Options.AuthenticationTimeoutSeconds * 1000);
        _socket.SendTimeout = checked(Options.AuthenticationTimeoutSeconds * 1000);
        if (_startup.Major != 3)
        {
            throw new SqlApiException(SqlStates.FeatureNotSupported, $"unsupported frontend protocol {_startup.Major}.{_startup.Minor}: server supports 3.0 to 3.0");
        }
        var unrecognised = _startup.Parameters.Keys.Where(k => k.StartsWith("_pq_.", StringComparison.Ordinal)).ToList();
        if (_startup.Minor > 0 || unrecognised.Count > 0)
        {
            _writer.NegotiateProtocolVersion(0, unrecognised);
        }
        if (!_startup.Parameters.TryGetValue("user", out var user) || user.Length == 0)
        {
            throw new SqlApiException(SqlStates.InvalidAuthorizationSpecification, "no PostgreSQL user name specified in startup packet");
        }
        if (_startup.Parameters.TryGetValue("replication", out var replication) && replication is not ("false" or "off" or "no" or "0"))
        {
            throw new SqlApiException(SqlStates.FeatureNotSupported, "replication connections are not offered by the SQL API");
        }
        _user = user;
        if (!Authenticate(user))
        {
            LogLoginFailed(Logger, user, RemoteAddress);
            throw new SqlApiException(SqlStates.InvalidPassword, $"password authentication failed for user \"{user}\"");
        }
        _settings = new ClientSettings(user, ServerIdentity.ServerVersion, Options.MaxConnections, _services.StatementLimit);
        ApplyStartupSettings();
        _writer.AuthenticationOk();
        _session = _services.Sessions.OpenSession();
        (_processId, var secret) = _services.Cancels.Register(Cancel);
        _catalog = new CatalogContext(user, _services.Server, _settings, _processId, new Lazy<(string, string)>(EngineNames), SnapshotCatalog);
        foreach (var (name, value) in _settings.Reported)
        {
            _writer.ParameterStatus(name, value);
        }
        _writer.BackendKeyData(_processId, secret);
        _writer.ReadyForQuery(_status);
        _writer.Flush();
        LogLoggedIn(Logger, user, RemoteAddress, _session.DataVersion);
        _socket.ReceiveTimeout = checked(Options.IdleTimeoutSeconds * 1000);
        _socket.SendTimeout = checked(Options.IdleTimeoutSeconds * 1000);
        return true;
    }

    /// <summary>The SCRAM-SHA-256 exchange; false when the user or password is wrong (the client is not told which).</summary>
    private bool Authenticate(string user)
    {
        var (verifier, known) = _services.Logins.Find(user);
        var exchange = new ScramExchange(verifier);
        _writer.AuthenticationSasl();
        _writer.Flush();
        var initial = ExpectPassword();
        var payload = new PgPayload(initial.Body);
        var mechanism = payload.CString();
        if (mechanism != "SCRAM-SHA-256")
        {
            throw new SqlApiException(SqlStates.InvalidAuthorizationSpecification, $"SASL mechanism {mechanism} is not offered: use SCRAM-SHA-256");
        }
        var length = payload.Int32();
        _writer.AuthenticationSaslContinue(exchange.Start(payload.Bytes(length)));
        _writer.Flush();
        var final = exchange.Finish(ExpectPassword().Body);
        if (final is null || !known)
        {
            return false;
        }
        _writer.AuthenticationSaslFinal(final);
        return true;
    }

    private FrontendMessage ExpectPassword()
    {
        var message = _reader.Read() ?? throw new EndOfStreamException("The client hung up during authentication.");
        return message.Type == (byte)'p'
            ? message
            : throw new SqlApiException(SqlStates.ProtocolViolation, $"expected a password response (SASL), got message type '{(char)message.Type}'");
    }

    /// <summary>Settings sent in the StartupMessage, and <c>-c name=value</c> in its <c>options</c>, as if SET.</summary>
    private void ApplyStartupSettings()
    {
        foreach (var (name, value) in _startup.Parameters)
        {
            switch (name)
            {
                case "user" or "database" or "replication":
                    break;
                case "options":
                    foreach (var (option, optionValue) in CommandLineOptions(value))
                    {
                        _settings.Set(option, optionValue);
                    }
                    break;
                default:
                    if (!name.StartsWith("_pq_.", StringComparison.Ordinal))
                    {
                        _settings.Set(name, value);
                    }
                    break;
            }
        }
    }

    /// <summary>The <c>-c name=value</c> and <c>--name=value</c> switches of the startup's <c>options</c> (backslash escapes a space).</summary>
    private static IEnumerable<(string Name, string Value)> CommandLineOptions(string options)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == '\\' && i + 1 < options.Length)
            {
                current.Append(options[++i]);
            }
            else if (char.IsWhiteSpace(options[i]))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(options[i]);
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        for (var i = 0; i < words.Count; i++)
        {
            var setting = words[i] == "-c" && i + 1 < words.Count ? words[++i]
                : words[i].StartsWith("--", StringComparison.Ordinal) ? words[i][2..]
                : words[i].StartsWith("-c", StringComparison.Ordinal) ? words[i][2..]
                : throw new SqlApiException(SqlStates.FeatureNotSupported, $"startup option \"{words[i]}\" is not offered: only -c name=value");
            var equals = setting.IndexOf('=');
            if (equals <= 0)
            {
                throw new SqlApiException(SqlStates.SyntaxError, $"startup option \"{setting}\" needs name=value");
            }
            yield return (setting[..equals].Replace('-', '_'), setting[(equals + 1)..]);
        }
    }

    /// <summary>The engine's own current_database() and current_schema(), so that they agree with its information_schema.</summary>
    private (string Database, string Schema) EngineNames()
    {
        ClosePortalResults(except: null);
        try
        {
            using var result = _session!.Execute("select current_database(), current_schema()", [], _services.Stopping);
            if (result.Read())
            {
                return (result.GetValue(0)?.ToString() ?? ServerIdentity.Database, result.GetValue(1)?.ToString() ?? "main");
            }
        }
        catch (SqlApiException ex)
        {
            LogEngineNamesRefused(Logger, ex.Message);
        }
        return (ServerIdentity.Database, "main");
    }

    /// <summary>The catalogue of the session's snapshot, read on the session's own connection when no session has yet.</summary>
    private SnapshotCatalog SnapshotCatalog() => _services.Catalogs.For(_session!.DataVersion, () =>
    {
        ClosePortalResults(except: null);
        return Catalog.SnapshotCatalog.Read(_session, _services.Stopping);
    });

    private string RemoteAddress => _socket.RemoteEndPoint?.ToString() ?? "?";

    private void TrySend(Action write)
    {
        try
        {
            _writer.Abandon();
            write();
            _writer.Flush();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // the client is gone
        }
    }

    public void Dispose()
    {
        foreach (var portal in _portals.Values)
        {
            portal.Dispose();
        }
        _portals.Clear();
        if (_processId != 0)
        {
            _services.Cancels.Unregister(_processId);
        }
        _session?.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: {User} logged in from {Remote}, reading data version {DataVersion}")]
    private static partial void LogLoggedIn(ILogger logger, string user, string remote, int dataVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL API: failed login for user {User} from {Remote}")]
    private static partial void LogLoginFailed(ILogger logger, string user, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQL API: connection of {User} ended: {Reason}")]
    private static partial void LogHangUp(ILogger logger, string user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQL API: connection of {User} failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL API: the engine would not say its current database and schema ({Reason}); answering kencana and main")]
    private static partial void LogEngineNamesRefused(ILogger logger, string reason);
}
