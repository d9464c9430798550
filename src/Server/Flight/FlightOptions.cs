namespace Kencana.Server.Flight;

/// <summary>Where Arrow Flight listens; bound from the <c>Flight</c> configuration section.</summary>
public sealed class FlightOptions
{
    public const string Section = "Flight";

    /// <summary>Serve Arrow Flight on its own port (<c>--Flight:Enabled=false</c> turns it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The HTTP/2 endpoint for Flight's gRPC, for example <c>http://localhost:5081</c>. It is a port of its own
    /// because gRPC needs HTTP/2, and a cleartext port can speak only one protocol: HTTP/2 without TLS has no
    /// negotiation, so the GraphQL and export port stays HTTP/1.1 for browsers, curl and BI tools.
    /// </summary>
    public string Url { get; set; } = "http://localhost:5081";
}
