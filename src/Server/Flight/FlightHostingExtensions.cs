using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Kencana.Server.Flight;

public static class FlightHostingExtensions
{
    /// <summary>
    /// Registers the Arrow Flight server and gives it an HTTP/2-only port (<see cref="FlightOptions.Url"/>) beside
    /// the server's own addresses.
    /// </summary>
    /// <remarks>
    /// Kestrel ignores <c>--urls</c> as soon as any endpoint is configured in code, so the addresses the server would
    /// have listened on (<c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else http://localhost:5000) are
    /// bound here, next to the Flight port; Kestrel endpoints from configuration are left as they are.
    /// </remarks>
    public static WebApplicationBuilder AddExportFlight(this WebApplicationBuilder builder)
    {
        // Read here rather than bound as IOptions: Kestrel's listeners are configured before the container exists.
        var options = builder.Configuration.GetSection(FlightOptions.Section).Get<FlightOptions>() ?? new FlightOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddGrpc().AddFlightServer<ExportFlightServer>();
        if (!options.Enabled)
        {
            return builder;
        }
        var flight = BindingAddress.Parse(options.Url);
        if (IsHttps(flight))
        {
            throw new InvalidOperationException($"Flight:Url {options.Url}: serve Flight over http:// (h2c), or put TLS in front of it.");
        }
        if (builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, flight, HttpProtocols.Http2));
            return builder;
        }
        var urls = ServerUrls(builder.Configuration).Select(BindingAddress.Parse).ToList();
        // They are bound below instead. Left set, they would make Kestrel warn that it ignores them; an empty value
        // falls back to the command line's, while ";" is a list of no addresses.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, ";");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in urls)
            {
                // Cleartext HTTP/2 cannot be negotiated, so an http:// address is HTTP/1.1 (as Kestrel would make it anyway).
                Listen(kestrel, url, IsHttps(url) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1);
            }
            Listen(kestrel, flight, HttpProtocols.Http2);
        });
        return builder;
    }

    private static IEnumerable<string> ServerUrls(ConfigurationManager configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var ports = (configuration[WebHostDefaults.HttpPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")
            .Concat((configuration[WebHostDefaults.HttpsPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static bool IsHttps(BindingAddress address) => string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);

    /// <summary>Binds an address the way Kestrel binds a URL: localhost on both loopbacks, an IP as given, any other host on every interface.</summary>
    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, HttpProtocols protocols)
    {
        void Configure(ListenOptions listen)
        {
            listen.Protocols = protocols;
            if (IsHttps(address))
            {
                listen.UseHttps();
            }
        }
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, Configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
