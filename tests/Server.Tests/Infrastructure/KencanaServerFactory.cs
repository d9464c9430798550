using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>The real server, HTTP pipeline and all, on a warehouse built from the real seed in a temporary directory.</summary>
public class KencanaServerFactory : WebApplicationFactory<Program>
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
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
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
