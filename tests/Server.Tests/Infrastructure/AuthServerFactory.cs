using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a warehouse of its own (the tests write targets into it), trusting tokens signed with a test
/// key, with helpers for API keys and tokens of every role.
/// </summary>
public class AuthServerFactory : KencanaServerFactory
{
    public const string Issuer = "https://idp.test/realms/kencana";
    public const string Audience = "kencana";
    private static readonly byte[] SigningKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    protected virtual bool AllowAnonymousRead => true;

    /// <summary>A token as the identity provider would issue it; <paramref name="signingKey"/> other than the trusted one forges it.</summary>
    public static string Token(string role, string[]? regions = null, DateTime? expires = null, byte[]? signingKey = null, string subject = "user-1")
    {
        var claims = new Dictionary<string, object> { ["roles"] = new[] { role } };
        if (regions is { Length: > 0 })
        {
            claims["kencana_regions"] = regions;
        }
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Claims = claims,
            NotBefore = expiry.AddMinutes(-20),
            IssuedAt = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:AllowAnonymousRead", AllowAnonymousRead ? "true" : "false");
        builder.UseSetting("Auth:ExportAllNeedsAnalyst", "true");
        builder.UseSetting("Auth:Jwt:Issuer", Issuer);
        builder.UseSetting("Auth:Jwt:Audience", Audience);
        builder.UseSetting("Auth:Jwt:SigningKey", Convert.ToBase64String(SigningKey));
    }
}

/// <summary>A closed deployment: <c>Auth:AllowAnonymousRead=false</c>.</summary>
public sealed class ClosedServerFactory : AuthServerFactory
{
    protected override bool AllowAnonymousRead => false;
}

[CollectionDefinition(Name)]
public sealed class AuthServerGroup : ICollectionFixture<AuthServerFactory>
{
    public const string Name = "auth server";
}

[CollectionDefinition(Name)]
public sealed class ClosedServerGroup : ICollectionFixture<ClosedServerFactory>
{
    public const string Name = "closed server";
}
