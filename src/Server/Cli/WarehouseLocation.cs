using System.CommandLine;
using Kencana.Server.Hosting;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;

namespace Kencana.Server.Cli;

/// <summary>Finds the warehouse a command works on: the one the server would use, unless --warehouse says otherwise.</summary>
internal static class WarehouseLocation
{
    public static Option<string?> WarehouseOption(string description = "The warehouse file (default: the server's, App_Data/kencana.duckdb).") =>
        new("--warehouse") { Description = description };

    public static Option<bool> CreateOption() =>
        new("--create") { Description = "Build the warehouse from the seed if --warehouse names no file (the default warehouse is always built)." };

    /// <summary>The server's configuration as a command sees it: appsettings.json beside the program, then the environment.</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static WarehouseOptions Resolve(string? warehouseOverride, bool create = false)
    {
        var options = Configuration().GetSection(WarehouseOptions.Section).Get<WarehouseOptions>() ?? new WarehouseOptions();
        options.Path = Path.GetFullPath(warehouseOverride ?? options.Path);
        options.Create |= create;
        return options;
    }

    /// <summary>
    /// The warehouse, checked and built from the seed when missing and allowed to be, as the server does at start-up.
    /// </summary>
    /// <exception cref="WarehouseUnavailableException">It cannot be used; the message names the path and the fix.</exception>
    public static WarehouseDatabase Prepare(WarehouseOptions options, IProgress<string> progress)
    {
        SeedLoader.EnsureBuilt(options.Path, options.ResolveSeedDirectory(), rebuild: false, progress, createIfMissing: options.MayCreate);
        return new WarehouseDatabase(options.Path);
    }
}
