using GraphQL;
using Kencana.Warehouse.Audit;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;

namespace Kencana.Server.Identity;

/// <summary>
/// The checks GraphQL resolvers make before a write or an admin read, with the same identities and roles as the HTTP
/// endpoints. The refusals are GraphQL errors with <c>extensions.code</c> UNAUTHENTICATED or FORBIDDEN, which the
/// transport answers with 401 or 403 when they are the only errors.
/// </summary>
internal static class GraphQLAccess
{
    public static Caller Caller(this IResolveFieldContext context) => Identity.Caller.From(context.User);

    /// <summary>The caller, when it holds one of <paramref name="roles"/>; <paramref name="action"/> says what for, in the refusal.</summary>
    public static Caller RequireRole(this IResolveFieldContext context, IReadOnlyList<string> roles, string action)
    {
        var caller = context.Caller();
        if (!caller.IsAuthenticated)
        {
            throw Refusal(ErrorCodes.Unauthenticated,
                $"{action} needs {Roles.Describe(roles)}: send an API key ('Authorization: Bearer KEY' or 'X-Api-Key: KEY') or a token from the identity provider.", roles);
        }
        if (!caller.HasAny(roles))
        {
            throw Refusal(ErrorCodes.Forbidden,
                $"{action} needs {Roles.Describe(roles)}; {caller.Actor} holds {(caller.Roles.Count == 0 ? "no role" : "the role " + string.Join(", ", caller.Roles))}.", roles);
        }
        return caller;
    }

    /// <summary>The caller, when it may write targets for <paramref name="region"/>: an admin, or a planner whose scope covers it.</summary>
    public static Caller RequireTargetWriter(this IResolveFieldContext context, RegionCode region, string action)
    {
        var caller = context.RequireRole(Roles.TargetWriters, action);
        if (!caller.MayWriteFor(region))
        {
            var error = Refusal(ErrorCodes.Forbidden,
                $"{action}: region {region} is outside the scope of {caller.Actor}, a planner for {string.Join(", ", caller.Regions)} (and the regions within). Ask an admin for a key scoped to {region} or an enclosing region.",
                Roles.TargetWriters);
            error.Data["region"] = region.Value;
            error.Data["scope"] = caller.Regions.Select(r => r.Value).ToList();
            throw error;
        }
        return caller;
    }

    public static AuditActor ToAuditActor(this Caller caller) => new(caller.Actor, caller.Role);

    private static ExecutionError Refusal(string code, string message, IReadOnlyList<string> roles)
    {
        var error = new ExecutionError(message) { Code = code };
        error.Data["requiredRoles"] = roles.ToList();
        return error;
    }
}
