using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Kencana.Server.SqlApi.Authentication;
using Kencana.Server.SqlApi.Catalog;
using Kencana.Server.SqlApi.Protocol;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>
/// The PostgreSQL wire protocol's TCP listener. A hosted service of its own rather than a Kestrel connection handler:
/// it runs the same inside WebApplicationFactory's test server (which replaces Kestrel) as in the real server. Each
/// connection's first packets (SSL and GSSAPI refusals, a CancelRequest) are read asynchronously; a logged-in
/// connection gets a thread of its own, because the engine's calls block, and threads are bounded by
/// <see cref="SqlApiOptions.MaxConnections"/>, keeping the thread pool free for HTTP.
/// </summary>
internal sealed partial class SqlApiListener(
    SqlApiOptions options,
    ISqlSessionSource sessions,
    SqlApiLogins logins,
    CancelRegistry cancels,
    ServerIdentity server,
    Snapshots.SqlSandboxOptions limits,
    ILogger<SqlApiListener> logger) : BackgroundService
{
    private static readonly byte[] Refusal = "N"u8.ToArray();

    private readonly ConcurrentDictionary<PgConnection, byte> _open = new();
    private TcpListener? _listener;
    private int _active;

    /// <summary>The address it listens on (with the port chosen when configured as 0).</summary>
    public IPEndPoint Endpoint => (IPEndPoint)(_listener?.LocalEndpoint ?? throw new InvalidOperationException("The SQL API is not listening."));

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bound here rather than in ExecuteAsync, so that a taken port stops the start-up with its reason.
        _listener = new TcpListener(options.Endpoint());
        _listener.Start(backlog: 128);
        var endpoint = Endpoint.ToString();
        LogListening(logger, endpoint, options.MaxConnections);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Stop();
        foreach (var connection in _open.Keys)
        {
            connection.Abort();
        }
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = new ConnectionServices(options, logins, sessions, new SnapshotCatalogs(), cancels, server, limits.StatementTimeout, logger, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stoppingToken.IsCancellationRequested)
            {
                return;
            }
            _ = AcceptAsync(socket, services);
        }
    }

    /// <summary>Reads the first packets; then cancels, refuses for lack of room, or starts the connection's thread.</summary>
    private async Task AcceptAsync(Socket socket, ConnectionServices services)
    {
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: true);
        var handedOver = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(services.Stopping);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.AuthenticationTimeoutSeconds));
            StartupPacket startup;
            while (true)
            {
                var body = await ReadStartupAsync(stream, timeout.Token);
                if (body is null)
                {
                    return;
                }
                startup = StartupPacket.Parse(body);
                if (startup.Code is StartupPacket.SslRequest or StartupPacket.GssEncRequest)
                {
                    // No TLS on this port: libpq and Npgsql then go on in the clear (sslmode=prefer), or stop (require).
                    await stream.WriteAsync(Refusal, timeout.Token);
                    continue;
                }
                if (startup.Code == StartupPacket.CancelRequest)
                {
                    var cancelled = cancels.Cancel(startup.CancelProcessId, startup.CancelSecret);
                    LogCancelRequest(logger, startup.CancelProcessId, cancelled);
                    return;
                }
                break;
            }
            if (Interlocked.Increment(ref _active) > options.MaxConnections)
            {
                Interlocked.Decrement(ref _active);
                LogTooMany(logger, options.MaxConnections, socket.RemoteEndPoint?.ToString() ?? "?");
                await RefuseAsync(stream, new SqlApiException(SqlStates.TooManyConnections,
                    $"sorry, too many clients already: the SQL API serves at most {options.MaxConnections} connections at once (SqlApi:MaxConnections)",
                    "Close idle connections, or raise SqlApi:MaxConnections."), timeout.Token);
                return;
            }
            var connection = new PgConnection(socket, stream, startup, services);
            _open[connection] = 0;
            var thread = new Thread(() =>
            {
                try
                {
                    connection.Run();
                }
                finally
                {
                    _open.TryRemove(connection, out _);
                    connection.Dispose();
                    Interlocked.Decrement(ref _active);
                }
            })
            {
                IsBackground = true,
                Name = "SQL API connection",
            };
            thread.Start();
            handedOver = true;
        }
        catch (SqlApiException ex)
        {
            await RefuseAsync(stream, ex, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException)
        {
            LogStartupAbandoned(logger, ex.Message);
        }
        finally
        {
            if (!handedOver)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<byte[]?> ReadStartupAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }
        if (read < 4)
        {
            throw new EndOfStreamException("The client hung up inside its startup packet.");
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length is < 8 or > PgMessageReader.MaxStartupBytes)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid length of startup packet: {length} bytes (at most {PgMessageReader.MaxStartupBytes})");
        }
        var body = new byte[length - 4];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return body;
    }

    private static async Task RefuseAsync(NetworkStream stream, SqlApiException error, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            var writer = new PgMessageWriter(buffer);
            writer.Error(error, "FATAL");
            writer.Flush();
            await stream.WriteAsync(buffer.ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // the client is gone
        }
    }

    public override void Dispose()
    {
        _listener?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API (PostgreSQL wire protocol) listening on {Endpoint}, at most {MaxConnections} connections")]
    private static partial void LogListening(ILogger logger, string endpoint, int maxConnections);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQL API: cancel request for connection {ProcessId}: {Cancelled}")]
    private static partial void LogCancelRequest(ILogger logger, int processId, bool cancelled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL API: refused a connection from {Remote}: {MaxConnections} connections are open (SqlApi:MaxConnections)")]
    private static partial void LogTooMany(ILogger logger, int maxConnections, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQL API: a client left before logging in: {Reason}")]
    private static partial void LogStartupAbandoned(ILogger logger, string reason);
}
