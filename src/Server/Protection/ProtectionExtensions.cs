using Kencana.Server.Hosting;

namespace Kencana.Server.Protection;

/// <summary>Abuse limits: rate limits per identity and address, CORS from configuration, security headers.</summary>
public static class ProtectionExtensions
{
    public static IHostApplicationBuilder AddAbuseLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<RateLimitOptions>(RateLimitOptions.Section)
            .Validate(o => o.IsValid, "Every RateLimits budget (AnonymousPerMinute, IdentifiedPerMinute, AnonymousExportsPerMinute, IdentifiedExportsPerMinute, ImportsPerMinute) must be positive.")
            .ValidateOnStart();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter => RateLimiting.Configure(limiter, limits));
        var cors = builder.Configuration.GetSection(KencanaCorsOptions.Section).Get<KencanaCorsOptions>() ?? new KencanaCorsOptions();
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (cors.AllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(cors.AllowedOrigins);
            }
            // Credentials travel in headers (Authorization, X-Api-Key), never cookies, so none are allowed.
            policy.WithHeaders("Content-Type", "Authorization", "X-Api-Key", "If-None-Match")
                .WithMethods("GET", "HEAD", "POST")
                .WithExposedHeaders("ETag", "Retry-After", "Kencana-Data-Version", "X-Kencana-Cache");
        }));
        return builder;
    }

    /// <summary>Security headers and CORS before anything answers; the rate limiter comes with the identity (<c>UseIdentityAndRoles</c>).</summary>
    public static WebApplication UseBrowserProtection(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCors();
        return app;
    }
}
