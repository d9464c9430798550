using System.Net;
using Kencana.Server.SqlApi.Connections;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.SqlApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// The real server with its SQL API on a free loopback port (port 0: the system picks it), reading the in-memory
/// test double rather than the snapshots, so that the protocol is tested apart from them.
/// </summary>
public class SqlApiServerFactory : KencanaServerFactory
{
    public const string User = "analyst";
    public const string Password = "s3cret-for-tests";

    internal InMemorySqlSessionSource Source { get; } = new();

    protected virtual int MaxConnections => 32;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SqlApi:Port", "0");
        builder.UseSetting("SqlApi:User", User);
        builder.UseSetting("SqlApi:Password", Password);
        builder.UseSetting("SqlApi:MaxConnections", MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SqlApi:MaxMessageBytes", "65536");
        builder.ConfigureTestServices(services => services.AddSingleton<ISqlSessionSource>(Source));
    }

    /// <summary>The SQL API's address; starts the server on first use.</summary>
    public IPEndPoint Endpoint => Services.GetRequiredService<SqlApiListener>().Endpoint;

    public int Port => Endpoint.Port;

    /// <summary>An Npgsql-style connection string for the configured user.</summary>
    public string ConnectionString(string? extra = null) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database=kencana{(extra is null ? "" : ";" + extra)}";
}

[CollectionDefinition(Name)]
public sealed class SqlApiServerGroup : ICollectionFixture<SqlApiServerFactory>
{
    public const string Name = "sql api";
}
