using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Infrastructure;

/// <summary>The real server on a real loopback port, for clients that are not .NET: the conformance audit, a browser.</summary>
public sealed class LiveServerFactory : KencanaServerFactory
{
    public LiveServerFactory()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>The loopback address the server listens on, for example http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Its clients speak GraphQL over HTTP only; Flight's fixed default port would tie the test to a free 5081.
        builder.UseSetting("Flight:Enabled", "false");
    }
}

[CollectionDefinition(Name)]
public sealed class LiveServerGroup : ICollectionFixture<LiveServerFactory>
{
    public const string Name = "live server";
}
