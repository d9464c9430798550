namespace Kencana.Server.Flight;

public static class FlightEndpoints
{
    /// <summary>Maps the Arrow Flight gRPC service (reachable on the HTTP/2 Flight port).</summary>
    public static IEndpointRouteBuilder MapExportFlight(this IEndpointRouteBuilder app)
    {
        app.MapFlightEndpoint();
        return app;
    }
}
