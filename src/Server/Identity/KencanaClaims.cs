namespace Kencana.Server.Identity;

/// <summary>The claim types the server reads from every identity, whether it came from an API key or a token.</summary>
public static class KencanaClaims
{
    /// <summary>One Kemendagri region code a planner may write targets for (with its descendants); one claim per region.</summary>
    public const string Region = "kencana_region";

    /// <summary>The role claim type of the identities the server builds itself (API keys, and tokens after mapping).</summary>
    public const string Role = "kencana_role";

    /// <summary>Who the identity is, as the audit trail records it: <c>key:ID (name)</c> or the token's subject.</summary>
    public const string Actor = "kencana_actor";
}
