using System.CommandLine;
using Kencana.Server.Identity;
using Kencana.Warehouse.Model;

namespace Kencana.Server.Cli;

/// <summary>
/// <c>keys create|list|revoke</c>: API keys in the key store beside the warehouse, which the running server re-reads
/// when it changes, so keys are created and revoked without stopping it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and revoke API keys (the server picks up changes while it runs).")
        {
            CreateKey(),
            ListKeys(),
            RevokeKey(),
        };
        return command;
    }

    private static Option<string?> StoreOption() => new("--store") { Description = "The key store file (default: Auth:KeyStore, else kencana-keys.json beside the warehouse)." };

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = $"The role: {string.Join(", ", Roles.All)}.", Required = true };
        var regions = new Option<string[]>("--region") { Description = "For a planner: a Kemendagri region code it may write targets for, with its descendants; repeat for several.", AllowMultipleArgumentsPerToken = false };
        var name = new Option<string?>("--name") { Description = "Who holds the key, for `keys list` and the audit trail." };
        var store = StoreOption();
        var warehouse = WarehouseLocation.WarehouseOption("The warehouse whose key store to use (default: the server's).");
        var command = new Command("create", "Create an API key and print it once; only its hash is stored.") { role, regions, name, store, warehouse };
        command.SetAction(parse =>
        {
            var canonical = Roles.Normalize(parse.GetValue(role))
                ?? throw new ArgumentException($"--role '{parse.GetValue(role)}' is not a role: use {string.Join(", ", Roles.All)}.");
            var codes = (parse.GetValue(regions) ?? []).Select(r => RegionCode.TryParse(r, out var code)
                ? code.Value
                : throw new ArgumentException($"--region '{r}' is not a Kemendagri region code: use 0, 64, 64.74, ... (with dots; 6474 is a BPS code).")).Distinct().ToList();
            if (canonical == Roles.Planner && codes.Count == 0)
            {
                throw new ArgumentException("A planner key needs at least one --region: the regions whose targets it may write (64 covers Kalimantan Timur and everything in it).");
            }
            if (canonical != Roles.Planner && codes.Count > 0)
            {
                throw new ArgumentException($"--region scopes planner keys only; a {canonical} key is not limited by region.");
            }
            var keys = Open(parse.GetValue(store), parse.GetValue(warehouse));
            var (record, key) = keys.Create(canonical, codes, parse.GetValue(name));
            Console.WriteLine(key);
            Console.Error.WriteLine($"Created key {record.Id} ({record.Role}{(codes.Count > 0 ? " for " + string.Join(", ", codes) : "")}) in {keys.Path}. The key is shown only this once: send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListKeys()
    {
        var store = StoreOption();
        var warehouse = WarehouseLocation.WarehouseOption("The warehouse whose key store to use (default: the server's).");
        var command = new Command("list", "List the keys: id, role, regions, name, created, revoked (never the keys themselves).") { store, warehouse };
        command.SetAction(parse =>
        {
            var keys = Open(parse.GetValue(store), parse.GetValue(warehouse)).List();
            Console.WriteLine("id\trole\tregions\tname\tcreated\trevoked");
            foreach (var k in keys)
            {
                Console.WriteLine($"{k.Id}\t{k.Role}\t{string.Join(",", k.Regions)}\t{k.Name}\t{k.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}\t{k.RevokedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) ?? ""}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "The key's id, as `keys list` shows it (the 12 hex digits after kk_)." };
        var store = StoreOption();
        var warehouse = WarehouseLocation.WarehouseOption("The warehouse whose key store to use (default: the server's).");
        var command = new Command("revoke", "Revoke a key: the server refuses it from its next request on.") { id, store, warehouse };
        command.SetAction(parse =>
        {
            var keys = Open(parse.GetValue(store), parse.GetValue(warehouse));
            var wanted = parse.GetValue(id)!.Trim();
            var revoked = keys.Revoke(ApiKeySecret.IdOf(wanted) ?? wanted)
                ?? throw new ArgumentException($"There is no key '{wanted}' in {keys.Path}; `keys list` shows the ids.");
            Console.WriteLine($"Revoked key {revoked.Id} ({revoked.Role}{(revoked.Name is null ? "" : ", " + revoked.Name)}).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The store the server uses: Auth:KeyStore from its configuration, else the file beside its warehouse.</summary>
    private static ApiKeyStore Open(string? store, string? warehouse)
    {
        if (store is not null)
        {
            return new ApiKeyStore(store);
        }
        var options = WarehouseLocation.Configuration().GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        return new ApiKeyStore(options.ResolveKeyStore(WarehouseLocation.Resolve(warehouse).Path));
    }
}
