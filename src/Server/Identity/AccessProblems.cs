using System.Text.Json;
using Kencana.Warehouse.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kencana.Server.Identity;

/// <summary>
/// Writes the 401 and 403 answers of every endpoint in the form its clients read: GraphQL errors with
/// <c>extensions.code</c> on <c>/graphql</c>, a gRPC status for Arrow Flight, RFC 9457 problem details elsewhere.
/// Each names what is missing: credentials (and why those sent were refused) or the role the endpoint needs.
/// </summary>
internal sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        // From the policy rather than the failure: a challenge (no identity) carries no failure to read them from.
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles)
            .Concat(policy.Requirements.OfType<LargeExportRequirement>().Any() && LargeExportRequirement.Applies(context) ? Roles.Analysts : [])
            .Distinct().ToList();
        var unauthenticated = context.User.Identity?.IsAuthenticated != true;
        var need = roles.Count > 0 ? $"This needs {Roles.Describe(roles)}" : "This server needs credentials";
        var detail = unauthenticated
            ? CredentialFailure.Get(context) is { } failure
                ? $"{failure} {need}."
                : $"{need}: send an API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY', or a token from the identity provider as 'Authorization: Bearer TOKEN'."
            : $"{need}; {Caller.From(context.User).Actor} holds {Describe(Caller.From(context.User))}.";
        var status = unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"kencana\"";
        }
        await Write(context, status, unauthenticated ? ErrorCodes.Unauthenticated : ErrorCodes.Forbidden, detail, roles);
    }

    private static string Describe(Caller caller) => caller.Roles.Count == 0 ? "no role" : $"the role {string.Join(", ", caller.Roles)}";

    private static Task Write(HttpContext context, int status, string code, string detail, List<string> roles)
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC answer: gRPC clients read the status from these headers, not from the HTTP status.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = status == StatusCodes.Status401Unauthorized ? "16" : "7";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(detail);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        if (request.Path.StartsWithSegments("/graphql") && !request.Path.StartsWithSegments("/graphql/documents"))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            var extensions = new Dictionary<string, object?> { ["code"] = code };
            if (roles.Count > 0)
            {
                extensions["requiredRoles"] = roles;
            }
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message = detail, extensions } } }, JsonSerializerOptions.Web));
        }
        var problem = new Dictionary<string, object?>
        {
            ["type"] = $"urn:kencana:problem:{code.ToLowerInvariant().Replace('_', '-')}",
            ["title"] = status == StatusCodes.Status401Unauthorized ? "Credentials needed" : "Not allowed",
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
        };
        if (roles.Count > 0)
        {
            problem["requiredRoles"] = roles;
        }
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, JsonSerializerOptions.Web));
    }
}
