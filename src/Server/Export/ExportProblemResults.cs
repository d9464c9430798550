using Kencana.Warehouse.Export;

namespace Kencana.Server.Export;

/// <summary>Writes an <see cref="ExportProblem"/> as RFC 9457 <c>application/problem+json</c>.</summary>
internal static class ExportProblemResults
{
    public static IResult ToResult(this ExportProblem problem, HttpContext http)
    {
        var extensions = new Dictionary<string, object?>();
        if (problem.Parameter is not null)
        {
            extensions["parameter"] = problem.Parameter;
        }
        return TypedResults.Problem(problem.Detail, http.Request.Path + http.Request.QueryString, problem.Status, problem.Title, problem.Type, extensions);
    }
}
