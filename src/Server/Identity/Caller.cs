using System.Security.Claims;
using Kencana.Warehouse.Model;

namespace Kencana.Server.Identity;

/// <summary>Who made a request and what they may write: the one reading of an identity's roles and region scope.</summary>
public sealed record Caller(string Actor, IReadOnlySet<string> Roles, IReadOnlyList<RegionCode> Regions)
{
    public static Caller Anonymous { get; } = new("anonymous", new HashSet<string>(), []);

    public bool IsAuthenticated => !ReferenceEquals(this, Anonymous);

    /// <summary>The highest role held, for the audit trail.</summary>
    public string Role => Identity.Roles.All.LastOrDefault(Roles.Contains) ?? "anonymous";

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return Anonymous;
        }
        var roles = user.FindAll(KencanaClaims.Role).Select(c => Identity.Roles.Normalize(c.Value)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var regions = user.FindAll(KencanaClaims.Region)
            .Select(c => RegionCode.TryParse(c.Value, out var code) ? code : (RegionCode?)null)
            .OfType<RegionCode>().Distinct().ToList();
        var actor = user.FindFirst(KencanaClaims.Actor)?.Value ?? identity.Name ?? "unnamed identity";
        return new Caller(actor, roles, regions);
    }

    public bool HasAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>
    /// True when the caller may write for <paramref name="region"/>: an admin anywhere, a planner inside the regions of
    /// its scope. Kemendagri codes nest by prefix (64, 64.74, 64.74.01), so a descendant's code extends its ancestor's.
    /// </summary>
    public bool MayWriteFor(RegionCode region) =>
        Roles.Contains(Identity.Roles.Admin)
        || (Roles.Contains(Identity.Roles.Planner) && Regions.Any(scope => Covers(scope, region)));

    private static bool Covers(RegionCode scope, RegionCode region) =>
        scope == RegionCode.Nation || region == scope || region.Value.StartsWith(scope.Value + ".", StringComparison.Ordinal);
}
