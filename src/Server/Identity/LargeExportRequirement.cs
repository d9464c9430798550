using Kencana.Server.Export;
using Microsoft.AspNetCore.Authorization;

namespace Kencana.Server.Identity;

/// <summary>
/// An export of everything (<c>all=true</c>), the one kind of export whose size no filter bounds, is for analysts
/// where <see cref="AuthOptions.ExportAllNeedsAnalyst"/> says so. Part of the fallback policy, so the export endpoints
/// themselves say nothing about it.
/// </summary>
internal sealed class LargeExportRequirement : IAuthorizationRequirement
{
    /// <summary>True for an HTTP export that asks for everything; the parser refuses any other value of <c>all</c> anyway.</summary>
    public static bool Applies(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AuthOptions>>().CurrentValue.ExportAllNeedsAnalyst
        && http.Request.Path.StartsWithSegments(ExportEndpoints.BasePath)
        && http.Request.Query.TryGetValue("all", out var values)
        && values.Any(v => v is not null && !v.Equals("false", StringComparison.OrdinalIgnoreCase) && v != "0");
}

internal sealed class LargeExportHandler : AuthorizationHandler<LargeExportRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LargeExportRequirement requirement)
    {
        if (context.Resource is not HttpContext http || !LargeExportRequirement.Applies(http) || Caller.From(context.User).HasAny(Roles.Analysts))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
