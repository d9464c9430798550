using Kencana.Server.SqlApi.Connections;
using Kencana.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>The real server with its SQL API on a free loopback port, reading the real snapshots of the seed warehouse.</summary>
public sealed class SnapshotSqlApiServerFactory : KencanaServerFactory
{
    /// <summary>Generous: the first snapshot of the seed takes seconds, more on a machine busy building.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly SemaphoreSlim _ready = new(1, 1);
    private bool _isReady;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SqlApi:Port", "0");
        builder.UseSetting("SqlApi:User", SqlApiServerFactory.User);
        builder.UseSetting("SqlApi:Password", SqlApiServerFactory.Password);
    }

    public int Port => Services.GetRequiredService<SqlApiListener>().Endpoint.Port;

    public string ConnectionString(string? extra = null) =>
        $"Host=127.0.0.1;Port={Port};Username={SqlApiServerFactory.User};Password={SqlApiServerFactory.Password};Database=kencana{(extra is null ? "" : ";" + extra)}";

    /// <summary>Waits until the first snapshot is built: until then a connection is refused with 57P03, as PostgreSQL refuses while starting.</summary>
    public async Task WaitUntilReadyAsync()
    {
        await _ready.WaitAsync();
        try
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!_isReady)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(ConnectionString("Pooling=false"));
                    await connection.OpenAsync();
                    _isReady = true;
                }
                catch (PostgresException ex) when (ex.SqlState == "57P03" && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            _ready.Release();
        }
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        await WaitUntilReadyAsync();
        var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        _ready.Dispose();
        base.Dispose(disposing);
    }
}

[CollectionDefinition(Name)]
public sealed class SnapshotSqlApiServerGroup : ICollectionFixture<SnapshotSqlApiServerFactory>
{
    public const string Name = "sql api on snapshots";
}
