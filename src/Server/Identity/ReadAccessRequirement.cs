using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Identity;

/// <summary>Reading: any valid identity, or no credentials at all while <see cref="AuthOptions.AllowAnonymousRead"/> is on.</summary>
internal sealed class ReadAccessRequirement : IAuthorizationRequirement;

internal sealed class ReadAccessHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        else if (options.CurrentValue.AllowAnonymousRead && context.Resource is HttpContext http && !CredentialFailure.Presented(http.Request))
        {
            // A caller whose key was revoked or whose token expired learns it, rather than silently reading as anonymous.
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
