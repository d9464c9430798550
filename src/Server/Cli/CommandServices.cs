using Kencana.Server.Forecasting;
using Kencana.Server.Hosting;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.Cli;

/// <summary>
/// The services a command works with, wired by the server's own registrations over the command's warehouse, so that
/// `forecast` on the command line and the forecast query answer alike.
/// </summary>
internal static class CommandServices
{
    public static ServiceProvider Build(WarehouseDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(WarehouseLocation.Configuration());
        services.AddLogging();
        services.AddSingleton(database);
        services.AddWarehouseReaders();
        services.AddForecastingServices();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
