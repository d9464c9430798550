using Kencana.Server.Hosting;

namespace Kencana.Server.Cli;

/// <summary>Finds the warehouse a command works on: the one the server would use, unless --warehouse says otherwise.</summary>
internal static class WarehouseLocation
{
    public static WarehouseOptions Resolve(string? warehouseOverride)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(WarehouseOptions.Section).Get<WarehouseOptions>() ?? new WarehouseOptions();
        options.Path = Path.GetFullPath(warehouseOverride ?? options.Path);
        return options;
    }
}
