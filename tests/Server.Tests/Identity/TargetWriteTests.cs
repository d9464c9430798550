using System.Net;
using Kencana.Server.Identity;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Identity;

/// <summary>Who may write targets: planners within their regions, admins anywhere, nobody else; each write audited.</summary>
[Collection(AuthServerGroup.Name)]
public class TargetWriteTests(AuthServerFactory server)
{
    private const string SetStunting = """
        mutation($region: String!, $value: Float!) {
          setTarget(indicator: "STUNTING", region: $region, year: 2029, value: $value, plan: "RPJMD Kota Bontang 2025-2029") {
            dataVersion changed before { value } after { region value plan sourceId dataVersion } } }
        """;

    [Fact]
    public async Task A_planner_for_64_sets_a_target_for_64_74_which_the_outlook_then_uses_and_the_audit_trail_shows()
    {
        using var planner = server.ClientWithKey(Roles.Planner, ["64"], out var key);
        var before = await DataVersion(planner);

        var set = await planner.PostAsync(SetStunting, new { region = "64.74", value = 13.5 });

        Assert.True(set.Errors is null, GraphQLClient.Pretty(set.Errors));
        var write = set.Data!["setTarget"]!;
        Assert.True(write["dataVersion"]!.GetValue<int>() > before);
        Assert.Equal("64.74", write["after"]!["region"]!.GetValue<string>());
        Assert.Equal(13.5, write["after"]!["value"]!.GetValue<double>());
        Assert.Equal(write["dataVersion"]!.GetValue<int>(), await DataVersion(planner));

        var outlook = await planner.PostAsync("""{ forecast(indicator: "STUNTING", region: "64.74", targetYear: 2029) { outlook { target plan targetRegionCode } } }""");
        Assert.True(outlook.Errors is null, GraphQLClient.Pretty(outlook.Errors));
        Assert.Equal(13.5, outlook.Data!["forecast"]!["outlook"]!["target"]!.GetValue<double>());
        Assert.Equal("RPJMD Kota Bontang 2025-2029", outlook.Data!["forecast"]!["outlook"]!["plan"]!.GetValue<string>());
        Assert.Equal("64.74", outlook.Data!["forecast"]!["outlook"]!["targetRegionCode"]!.GetValue<string>());

        using var admin = server.ClientWithKey(Roles.Admin);
        var audit = await admin.PostAsync($$"""{ auditTrail(actor: "{{key.Id}}") { actor role action subject dataVersion before after } }""");
        Assert.True(audit.Errors is null, GraphQLClient.Pretty(audit.Errors));
        var entry = Assert.Single(audit.Data!["auditTrail"]!.AsArray())!;
        Assert.Equal("setTarget", entry["action"]!.GetValue<string>());
        Assert.Equal("planner", entry["role"]!.GetValue<string>());
        Assert.Contains("STUNTING 64.74 2029", entry["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(write["dataVersion"]!.GetValue<int>(), entry["dataVersion"]!.GetValue<int>());
        Assert.Contains("13.5", entry["after"]!.GetValue<string>(), StringComparison.Ordinal);

        // A revision records the value before it.
        var revised = await planner.PostAsync(SetStunting, new { region = "64.74", value = 13.0 });
        Assert.Equal(13.5, revised.Data!["setTarget"]!["before"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_planner_for_64_is_refused_for_32_01_with_the_region_and_its_scope_named_and_nothing_changes()
    {
        using var planner = server.ClientWithKey(Roles.Planner, "64");
        var before = await DataVersion(planner);

        var response = await planner.PostAsync(SetStunting, new { region = "32.01", value = 14.0 });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Contains("32.01 is outside the scope", response.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("a planner for 64", response.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("32.01", response.Errors![0]!["extensions"]!["region"]!.GetValue<string>());
        Assert.Equal(before, await DataVersion(planner));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden, "FORBIDDEN")]
    [InlineData(Roles.Analyst, HttpStatusCode.Forbidden, "FORBIDDEN")]
    [InlineData(Roles.DataSteward, HttpStatusCode.Forbidden, "FORBIDDEN")]
    public async Task Anyone_but_a_planner_or_admin_is_refused_a_target_write_naming_the_role_and_nothing_changes(string? role, HttpStatusCode status, string code)
    {
        using var client = role is null ? server.CreateClient() : server.ClientWithKey(role);
        var before = await DataVersion(client);

        var response = await client.PostAsync(SetStunting, new { region = "64.74", value = 1.0 });

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Contains("the roles planner or admin", response.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await DataVersion(client));
    }

    [Fact]
    public async Task An_admin_sets_and_retires_a_target_anywhere()
    {
        using var admin = server.ClientWithKey(Roles.Admin);
        var set = await admin.PostAsync("""mutation { setTarget(indicator: "MCPR", region: "32.01", year: 2030, value: 66) { after { plan sourceId } } }""");
        Assert.True(set.Errors is null, GraphQLClient.Pretty(set.Errors));
        Assert.Equal("KENCANA_API", set.Data!["setTarget"]!["after"]!["sourceId"]!.GetValue<string>());

        var retired = await admin.PostAsync("""mutation { retireTarget(indicator: "MCPR", region: "32.01", year: 2030) { before { value } after { value } } }""");

        Assert.True(retired.Errors is null, GraphQLClient.Pretty(retired.Errors));
        Assert.Equal(66, retired.Data!["retireTarget"]!["before"]!["value"]!.GetValue<double>());
        Assert.Null(retired.Data!["retireTarget"]!["after"]);
    }

    [Fact]
    public async Task A_bad_value_is_refused_by_the_same_checks_as_an_import()
    {
        using var admin = server.ClientWithKey(Roles.Admin);
        var response = await admin.PostAsync("""mutation { setTarget(indicator: "STUNTING", region: "64.74", year: 2029, value: 140) { dataVersion } }""");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("outside the valid range of STUNTING", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_reads_the_audit_trail()
    {
        using var planner = server.ClientWithKey(Roles.Planner, "64");
        var refused = await planner.PostAsync("{ auditTrail { id } }");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("the role admin", refused.FirstErrorMessage, StringComparison.Ordinal);

        var anonymous = await server.CreateClient().PostAsync("{ auditTrail { id } }");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task A_planner_token_from_the_identity_provider_writes_within_its_regions()
    {
        using var client = server.WithBearer(AuthServerFactory.Token(Roles.Planner, ["64.74"], subject: "planner-bontang"));
        var allowed = await client.PostAsync("""mutation { setTarget(indicator: "UNMET_NEED", region: "64.74", year: 2029, value: 9) { after { value } } }""");
        Assert.True(allowed.Errors is null, GraphQLClient.Pretty(allowed.Errors));

        var refused = await client.PostAsync("""mutation { setTarget(indicator: "UNMET_NEED", region: "64.72", year: 2029, value: 9) { after { value } } }""");
        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Contains("token:planner-bontang", refused.FirstErrorMessage, StringComparison.Ordinal);
    }

    private static async Task<int> DataVersion(HttpClient client)
    {
        var response = await client.PostAsync("{ dataVersion { number } }");
        Assert.True(response.Errors is null, GraphQLClient.Pretty(response.Errors));
        return response.Data!["dataVersion"]!["number"]!.GetValue<int>();
    }
}
