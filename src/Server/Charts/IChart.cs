using ScottPlot;

namespace Kencana.Server.Charts;

/// <summary>
/// One chart the server draws. A new chart is one class implementing this, registered with
/// <see cref="ChartServiceExtensions.AddChart{TChart}"/>; the endpoint, caching and formats come with it.
/// </summary>
public interface IChart
{
    /// <summary>The name in the URL, for example <c>forecast</c>.</summary>
    string Name { get; }

    /// <summary>Its own query parameters, beside <c>width</c>, <c>height</c> and <c>lang</c>.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>
    /// Reads the chart's data from the services the GraphQL API uses and returns how to draw it; nothing is drawn yet,
    /// so that a request answered 304 costs no rendering.
    /// </summary>
    /// <exception cref="ChartProblemException">A parameter is missing or wrong.</exception>
    /// <exception cref="Kencana.Warehouse.Errors.UserInputException">A service refused the request (unknown region, no data).</exception>
    ChartDrawing Prepare(ChartRequest request, CancellationToken cancellationToken);
}

/// <summary>A chart ready to draw.</summary>
/// <param name="DataKey">What else, beside the data version and the request, decides the image (a forecast's model), for its ETag.</param>
/// <param name="Draw">Builds the plot; the endpoint renders it at the asked size.</param>
public sealed record ChartDrawing(string DataKey, Func<Plot> Draw);
