using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Identity;

/// <summary>Authenticates <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c> against the <see cref="ApiKeyStore"/>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Presented(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var result = Check(key.Trim());
        if (result.Failure is { } failure)
        {
            CredentialFailure.Set(Context, failure.Message);
        }
        return Task.FromResult(result);
    }

    /// <summary>The key the request carries, from X-Api-Key or a bearer credential; null when it carries none.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0)
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..] : null;
    }

    private AuthenticateResult Check(string key)
    {
        // The key itself never appears in a message: only its public id.
        if (ApiKeySecret.IdOf(key) is not { } id)
        {
            return AuthenticateResult.Fail(ApiKeySecret.LooksLikeKey(key)
                ? "The API key is malformed: a key looks like kk_<12 hex digits>_<secret>, as `keys create` printed it."
                : "The bearer credential is neither a Kencana API key nor a token this server accepts (Auth:Jwt is not configured).");
        }
        var record = store.Find(id);
        if (record is null || !ApiKeySecret.Matches(key, record.Sha256))
        {
            return AuthenticateResult.Fail($"The API key {id} is not known to this server: ask an admin for a key (`keys create`).");
        }
        if (record.RevokedAt is { } revoked)
        {
            return AuthenticateResult.Fail($"The API key {id} was revoked on {revoked:yyyy-MM-dd HH:mm} UTC: ask an admin for a new one.");
        }
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, $"key:{record.Id}"),
            new(ClaimTypes.Name, record.Name ?? record.Id),
            new(KencanaClaims.Actor, record.Actor),
            new(KencanaClaims.Role, record.Role),
            .. record.Regions.Select(r => new Claim(KencanaClaims.Region, r)),
        ];
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, KencanaClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
