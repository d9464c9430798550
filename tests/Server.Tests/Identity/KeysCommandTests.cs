using System.Net;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Identity;

/// <summary>`keys create|list|revoke` beside the running server, which picks the changes up without a restart.</summary>
[Collection(AuthServerGroup.Name)]
public class KeysCommandTests(AuthServerFactory server)
{
    [Fact]
    public async Task A_key_created_on_the_command_line_works_at_once_is_listed_without_its_secret_and_stops_working_when_revoked()
    {
        var directory = Path.GetDirectoryName(server.WarehousePath)!;
        var created = await ServerProcess.AssertExitAsync(directory, 0, "keys", "create", "--role", "planner", "--region", "64", "--name", "BAPPEDA Kaltim", "--warehouse", server.WarehousePath);
        var key = created.Split('\n')[0].Trim();
        Assert.StartsWith("kk_", key, StringComparison.Ordinal);
        Assert.Contains("shown only this once", created, StringComparison.Ordinal);
        var id = key.Split('_')[1];

        using var client = server.WithBearer(key);
        var refused = await client.PostAsync("{ auditTrail { id } }");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains($"key:{id} (BAPPEDA Kaltim) holds the role planner", refused.FirstErrorMessage, StringComparison.Ordinal);

        var listed = await ServerProcess.AssertExitAsync(directory, 0, "keys", "list", "--warehouse", server.WarehousePath);
        Assert.Contains($"{id}\tplanner\t64\tBAPPEDA Kaltim", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await File.ReadAllTextAsync(server.Keys.Path), StringComparison.Ordinal);

        await ServerProcess.AssertExitAsync(directory, 0, "keys", "revoke", id, "--warehouse", server.WarehousePath);
        var revoked = await client.PostAsync("{ indicators { code } }");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Contains("revoked", revoked.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wizard", "is not a role")]
    [InlineData("planner", "needs at least one --region")]
    public async Task A_bad_role_or_a_planner_without_regions_is_refused_with_exit_code_2(string role, string message)
    {
        var directory = Path.GetDirectoryName(server.WarehousePath)!;
        var output = await ServerProcess.AssertExitAsync(directory, 2, "keys", "create", "--role", role, "--store", Path.Combine(directory, "other-keys.json"));
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
