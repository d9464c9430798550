namespace Kencana.Server.Charts;

/// <summary>A chart request the server cannot draw, answered as an RFC 9457 problem naming the parameter at fault.</summary>
/// <param name="status">400 for a bad value, 404 for an unknown chart or format or a region without data.</param>
/// <param name="kind">A stable slug, the end of the problem type.</param>
/// <param name="title">The same for every problem of the kind.</param>
/// <param name="detail">What is wrong with this request, in the request's language.</param>
/// <param name="parameter">The query parameter at fault, when one is.</param>
public sealed class ChartProblemException(int status, string kind, string title, string detail, string? parameter) : Exception(detail)
{
    public int Status { get; } = status;

    public string Kind { get; } = kind;

    public string Title { get; } = title;

    public string? Parameter { get; } = parameter;

    public IResult ToResult(HttpContext http)
    {
        var extensions = new Dictionary<string, object?>();
        if (Parameter is not null)
        {
            extensions["parameter"] = Parameter;
        }
        return TypedResults.Problem(Message, http.Request.Path + http.Request.QueryString, Status, Title, $"urn:kencana:problem:{Kind}", extensions);
    }
}
