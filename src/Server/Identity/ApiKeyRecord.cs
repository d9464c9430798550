namespace Kencana.Server.Identity;

/// <summary>One API key as the store keeps it: never the key itself, only its SHA-256.</summary>
/// <param name="Id">The public part of the key (<c>kk_ID_...</c>), safe to show, log and revoke by.</param>
/// <param name="Name">Who or what holds it, for people reading <c>keys list</c>.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Regions">For a planner: the region codes it may write targets for, with their descendants.</param>
/// <param name="Sha256">The SHA-256 of the whole key, lower-case hex.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; a revoked key is refused from the next request on.</param>
/// <param name="ScramVerifier">
/// The key's SCRAM-SHA-256 verifier (PostgreSQL's form), so that it logs in to the SQL API as user = its id; null for
/// keys created before the SQL API, which then log in over HTTP only.
/// </param>
public sealed record ApiKeyRecord(
    string Id,
    string? Name,
    string Role,
    IReadOnlyList<string> Regions,
    string Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string? ScramVerifier = null)
{
    /// <summary>How the audit trail names whoever used the key.</summary>
    public string Actor => Name is { Length: > 0 } name ? $"key:{Id} ({name})" : $"key:{Id}";
}
