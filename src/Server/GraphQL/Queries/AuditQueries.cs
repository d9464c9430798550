using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Caching;
using Kencana.Server.GraphQL.Types;
using Kencana.Server.Identity;
using Kencana.Warehouse.Audit;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>For admins: who wrote what.</summary>
internal static class AuditQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail")
            .Description("The writes to the warehouse, newest first: targets set, revised and retired, and imports (the role admin).")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many entries, 1 to {AuditTrail.MaxPage}."; a.DefaultValue = 50; })
            .Argument<StringGraphType>("action", "Only this action: setTarget, reviseTarget, retireTarget or import.")
            .Argument<StringGraphType>("actor", "Only entries whose actor contains this text, such as a key id.")
            .Resolve(ctx =>
            {
                // The answer depends on who asks, and the response cache is shared by everyone.
                ctx.UserContext[ResponseCache.NotCacheableKey] = true;
                ctx.RequireRole(Roles.Auditors, "auditTrail");
                return ctx.Service<AuditTrail>().Read(ctx.PageSize(AuditTrail.MaxPage), ctx.GetArgument<string?>("action"), ctx.GetArgument<string?>("actor"), ctx.CancellationToken);
            });
    }
}
