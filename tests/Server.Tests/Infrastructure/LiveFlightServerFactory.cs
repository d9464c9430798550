using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>
/// The real server in Kestrel with Arrow Flight on a Unix socket of its own, for tests that need Kestrel's real
/// HTTP/2 header and trailer handling (the in-memory test server accepts header values Kestrel refuses).
/// </summary>
/// <remarks>A socket path rather than a TCP port: it cannot collide with another test run on the same machine, and no
/// free port has to be guessed.</remarks>
public sealed class LiveFlightServerFactory : KencanaServerFactory
{
    private readonly string _socket = Path.Combine(Path.GetTempPath(), $"kencana-flight-{Guid.NewGuid():N}.sock");

    public LiveFlightServerFactory()
    {
        UseKestrel();
        StartServer();
    }

    /// <summary>A gRPC channel to the Flight socket; the caller disposes it.</summary>
    public GrpcChannel CreateFlightChannel() => GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        },
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Flight:Url", $"http://unix:{_socket}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_socket);
    }
}

[CollectionDefinition(Name)]
public sealed class LiveFlightServerGroup : ICollectionFixture<LiveFlightServerFactory>
{
    public const string Name = "live flight server";
}
