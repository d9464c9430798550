using System.Net.Http.Headers;
using Kencana.Server.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>The real server, HTTP pipeline and all, on a warehouse built from the real seed in a temporary directory.</summary>
/// <remarks>
/// xunit 2 disposes a fixture synchronously unless it implements IAsyncLifetime. A synchronous dispose of the host
/// disposes its service container synchronously, which throws InvalidOperationException for any service that is only
/// IAsyncDisposable, and skips stopping the hosted services (the background model training among them); under load
/// that surfaced as "[Test Collection Cleanup Failure (server)] System.InvalidOperationException". Stopping and
/// disposing asynchronously first makes the later synchronous Dispose a no-op.
/// </remarks>
public class KencanaServerFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected string DataDirectory { get; } = Directory.CreateTempSubdirectory("kencana-server-tests-").FullName;

    public string WarehousePath => Path.Combine(DataDirectory, "kencana.duckdb");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Warehouse:Path", WarehousePath);
        builder.UseSetting("Warehouse:Create", "true");
        builder.UseSetting("GraphQL:MaxRequestBytes", "65536");
        builder.UseSetting("GraphQL:PersistedDocuments:Directory", Path.Combine(DataDirectory, "persisted"));
        // The suite sends far more anonymous requests a minute than a real client; Protection/ has its own tests.
        builder.UseSetting("RateLimits:Enabled", "false");
    }

    /// <summary>The server's API key store, where a test creates the keys its clients send.</summary>
    public ApiKeyStore Keys => Services.GetRequiredService<ApiKeyStore>();

    /// <summary>A client that sends a new key of <paramref name="role"/> as a bearer credential.</summary>
    public HttpClient ClientWithKey(string role, params string[] regions) => ClientWithKey(role, regions, out _);

    public HttpClient ClientWithKey(string role, string[] regions, out ApiKeyRecord record)
    {
        var (created, key) = Keys.Create(role, regions, $"test {role}");
        record = created;
        return WithBearer(key);
    }

    public HttpClient WithBearer(string credential)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        DeleteDataDirectory();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDataDirectory();
    }

    private void DeleteDataDirectory()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the OS cleans temp
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerGroup : ICollectionFixture<KencanaServerFactory>
{
    public const string Name = "server";
}
