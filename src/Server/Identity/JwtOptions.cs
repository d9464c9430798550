namespace Kencana.Server.Identity;

/// <summary>
/// An organisation's identity provider, trusted for bearer tokens: <c>Auth:Jwt</c>. Either <see cref="Authority"/>
/// (keys from its OpenID Connect discovery document) or <see cref="SigningKey"/> (a shared HMAC key) turns it on.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The identity provider's base URL, such as https://login.example.go.id/realms/bkkbn; its signing keys come from discovery.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer tokens must carry; by default the authority's.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience tokens must be issued for, such as <c>kencana</c>. Required once tokens are accepted.</summary>
    public string? Audience { get; set; }

    /// <summary>A base64 HMAC-SHA256 key of at least 32 bytes, for providers that sign with a shared secret.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim that holds the Kencana roles (reader, analyst, planner, data-steward, admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that holds a planner's region codes (one value each, or an array).</summary>
    public string RegionClaim { get; set; } = "kencana_regions";

    /// <summary>Whether discovery must use https; off only for a provider on a trusted local network.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
