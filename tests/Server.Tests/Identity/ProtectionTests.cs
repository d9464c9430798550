using System.Net;
using System.Text.Json.Nodes;
using Kencana.Server.Identity;
using Kencana.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Kencana.Server.Tests.Identity;

/// <summary>A server with tiny rate limits, a CORS origin, and a log the test reads.</summary>
public sealed class ProtectedServerFactory : AuthServerFactory
{
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "3");
        builder.UseSetting("RateLimits:AnonymousExportsPerMinute", "1");
        builder.UseSetting("RateLimits:IdentifiedPerMinute", "50");
        builder.UseSetting("Cors:AllowedOrigins:0", "https://dashboard.example.go.id");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}

/// <summary>Abuse limits: 429 with Retry-After past a caller's budget, CORS from configuration, security headers, no tokens in logs.</summary>
public class ProtectionTests(ProtectedServerFactory server) : IClassFixture<ProtectedServerFactory>
{
    [Fact]
    public async Task An_anonymous_caller_past_its_budget_gets_429_with_Retry_After_while_a_key_holder_and_health_go_on()
    {
        using var anonymous = server.CreateClient();
        // Up to ten tries: a budget of three, even if the minute's window turns over once on a slow machine.
        using var limited = await FirstRefusedAsync(anonymous, "/graphql?query={indicators{code}}", tries: 10);

        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal("RATE_LIMITED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        using var keyHolder = server.ClientWithKey(Roles.Reader);
        Assert.Equal(HttpStatusCode.OK, (await keyHolder.PostAsync("{ indicators { code } }")).Status);
        using var health = await anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Exports_have_a_stricter_budget_answered_as_a_problem()
    {
        using var client = server.ClientWithKey(Roles.Reader);
        // Anonymous exports: one a minute here. A key holder's budget is separate.
        using var anonymous = server.CreateClient();
        using var second = await FirstRefusedAsync(anonymous, "/api/v1/export", tries: 4);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Retry-After", second.Headers.Select(h => h.Key));
        Assert.Equal(429, JsonNode.Parse(await second.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());
        using var withKey = await client.GetAsync("/api/v1/export");
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    private static async Task<HttpResponseMessage> FirstRefusedAsync(HttpClient client, string path, int tries)
    {
        for (var i = 0; i < tries; i++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }
        Assert.Fail($"{tries} requests to {path} were never refused");
        return null!;
    }

    [Fact]
    public async Task A_configured_origin_passes_CORS_preflight_and_another_does_not()
    {
        using var client = server.CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        allowed.Headers.Add("Origin", "https://dashboard.example.go.id");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var answer = await client.SendAsync(allowed);
        Assert.Equal("https://dashboard.example.go.id", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        other.Headers.Add("Origin", "https://evil.example");
        other.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await client.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_playground_page_carries_security_headers_and_no_log_line_holds_a_key()
    {
        var (_, key) = server.Keys.Create(Roles.Reader, [], "logs");
        using var client = server.WithBearer(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        using var revoked = server.WithBearer(key + "x");
        await revoked.PostAsync("{ indicators { code } }");
        var secret = key.Split('_')[2];
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
    }
}
