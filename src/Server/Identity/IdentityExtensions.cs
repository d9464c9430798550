using System.Security.Claims;
using Kencana.Server.Hosting;
using Kencana.Server.Protection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Kencana.Server.Identity;

/// <summary>
/// Who may do what, in one place: API keys and bearer tokens authenticate, and a fallback authorization policy
/// covers every endpoint that names no policy of its own (GraphQL, exports, Flight, and whatever is added later),
/// so that no endpoint is open by omission. Health checks opt out with <c>AllowAnonymous</c>.
/// </summary>
public static class IdentityExtensions
{
    private const string SelectorScheme = "Kencana";

    public static IHostApplicationBuilder AddIdentityAndRoles(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => !o.Jwt.Enabled || !string.IsNullOrWhiteSpace(o.Jwt.Audience), "Auth:Jwt:Audience is required once Auth:Jwt:Authority or Auth:Jwt:SigningKey is set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Jwt.SigningKey) || SigningKeyBytes(o.Jwt.SigningKey) is { Length: >= 32 }, "Auth:Jwt:SigningKey must be base64 of at least 32 bytes.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Jwt.SigningKey) || !string.IsNullOrWhiteSpace(o.Jwt.Issuer), "Auth:Jwt:Issuer is required with Auth:Jwt:SigningKey.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<IOptions<AuthOptions>>().Value
            .ResolveKeyStore(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value.ResolvePath())));

        var authentication = builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = http =>
                settings.Jwt.Enabled && ApiKeyAuthenticationHandler.Presented(http.Request) is { } credential
                    && !http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) && !ApiKeySecret.LooksLikeKey(credential.Trim())
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        if (settings.Jwt.Enabled)
        {
            authentication.AddJwtBearer(jwt => ConfigureJwt(jwt, settings.Jwt));
        }

        builder.Services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, LargeExportHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessProblems>();
        var read = new AuthorizationPolicyBuilder().AddRequirements(new ReadAccessRequirement(), new LargeExportRequirement()).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(read)
            .AddPolicy(KencanaPolicies.Read, read)
            .AddPolicy(KencanaPolicies.Analyst, p => p.RequireRole(Roles.Analysts))
            .AddPolicy(KencanaPolicies.Import, p => p.RequireRole(Roles.Importers))
            .AddPolicy(KencanaPolicies.Audit, p => p.RequireRole(Roles.Auditors));
        builder.AddAbuseLimits();
        return builder;
    }

    /// <summary>
    /// Security headers and CORS, authentication, the rate limiter, then authorization; after routing, so that the
    /// fallback policy sees which endpoint was chosen. The limiter needs the identity to count per caller, and comes
    /// before authorization so that refused requests (guessed keys) count too.
    /// </summary>
    public static WebApplication UseIdentityAndRoles(this WebApplication app)
    {
        app.UseBrowserProtection();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, JwtOptions settings)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            jwt.Authority = settings.Authority;
        }
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : settings.Issuer,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "sub",
            RoleClaimType = KencanaClaims.Role,
        };
        if (SigningKeyBytes(settings.SigningKey) is { } key)
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(key);
        }
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // The provider's claim names become the server's own, so that the rest of the server reads one set.
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    var subject = identity.FindFirst("sub")?.Value ?? identity.FindFirst("client_id")?.Value ?? "token";
                    identity.AddClaim(new Claim(KencanaClaims.Actor, $"token:{subject}"));
                    foreach (var role in identity.FindAll(settings.RoleClaim).Select(c => Roles.Normalize(c.Value)).OfType<string>().ToList())
                    {
                        identity.AddClaim(new Claim(KencanaClaims.Role, role));
                    }
                    foreach (var region in identity.FindAll(settings.RegionClaim).SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList())
                    {
                        identity.AddClaim(new Claim(KencanaClaims.Region, region));
                    }
                }
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                CredentialFailure.Set(context.HttpContext, context.Exception switch
                {
                    SecurityTokenExpiredException expired => $"The token expired at {expired.Expires:yyyy-MM-dd HH:mm:ss} UTC: get a new one from the identity provider.",
                    SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature is not valid: it was not issued by the identity provider this server trusts.",
                    SecurityTokenInvalidAudienceException => $"The token was not issued for this server (audience {settings.Audience}).",
                    SecurityTokenInvalidIssuerException => "The token was issued by an identity provider this server does not trust.",
                    _ => "The token is not valid.",
                });
                return Task.CompletedTask;
            },
        };
    }

    private static byte[]? SigningKeyBytes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
