using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kencana.Server.Identity;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Identity;

/// <summary>Credentials on a server open to anonymous readers: keys and tokens, good and bad, and the analyst-only endpoints.</summary>
[Collection(AuthServerGroup.Name)]
public class AccessTests(AuthServerFactory server)
{
    private const string Query = "{ indicators { code } }";

    [Fact]
    public async Task Anonymous_callers_read_but_a_revoked_key_is_refused_even_for_a_read()
    {
        Assert.Null((await server.CreateClient().PostAsync(Query)).Errors);
        using var client = server.ClientWithKey(Roles.Reader, [], out var key);
        Assert.Null((await client.PostAsync(Query)).Errors);

        server.Keys.Revoke(key.Id);
        var refused = await client.PostAsync(Query);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("UNAUTHENTICATED", refused.FirstErrorCode);
        Assert.Contains($"The API key {key.Id} was revoked", refused.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_is_accepted_in_X_Api_Key_too_and_an_unknown_one_is_refused()
    {
        var (_, key) = server.Keys.Create(Roles.Analyst, [], "x-api-key");
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Null((await client.PostAsync(Query)).Errors);

        using var guessed = server.WithBearer(key[..^4] + "AAAA");
        var refused = await guessed.PostAsync(Query);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("is not known to this server", refused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, refused.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_forged_token_is_refused_with_the_reason_and_a_valid_one_reads()
    {
        using var valid = server.WithBearer(AuthServerFactory.Token(Roles.Reader));
        Assert.Null((await valid.PostAsync(Query)).Errors);

        using var expired = server.WithBearer(AuthServerFactory.Token(Roles.Admin, expires: DateTime.UtcNow.AddMinutes(-5)));
        var late = await expired.PostAsync(Query);
        Assert.Equal(HttpStatusCode.Unauthorized, late.Status);
        Assert.Contains("The token expired", late.FirstErrorMessage, StringComparison.Ordinal);

        using var forged = server.WithBearer(AuthServerFactory.Token(Roles.Admin, signingKey: new byte[32]));
        var fake = await forged.PostAsync("{ auditTrail { id } }");
        Assert.Equal(HttpStatusCode.Unauthorized, fake.Status);
        Assert.Contains("signature is not valid", fake.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, HttpStatusCode.OK)]
    [InlineData(Roles.Planner, HttpStatusCode.OK)]
    [InlineData(Roles.DataSteward, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Registering_a_persisted_document_needs_an_analyst(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? server.CreateClient() : server.ClientWithKey(role, role == Roles.Planner ? ["64"] : []);
        using var response = await client.PostAsJsonAsync("/graphql/documents", new { query = "{ indicators { code unit } }" });

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
            Assert.Contains("analyst", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task An_export_of_everything_needs_an_analyst(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? server.CreateClient() : server.ClientWithKey(role);
        using var response = await client.GetAsync("/api/v1/export/observations.csv?all=true");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains("analyst", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/export")]
    [InlineData("/api/v1/export/observations.csv?indicator=STUNTING&parent=64")]
    [InlineData("/graphql?query={indicators{code}}")]
    [InlineData("/health/ready")]
    public async Task Reads_are_open_to_anonymous_callers_by_default(string path)
    {
        using var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
