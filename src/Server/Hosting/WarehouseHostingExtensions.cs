using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Audit;
using Kencana.Warehouse.Lineage;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Targets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Hosting;

public static class WarehouseHostingExtensions
{
    /// <summary>Registers the embedded warehouse, its readers, and the start-up build from the seed.</summary>
    public static IHostApplicationBuilder AddWarehouse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarehouseOptions>().BindConfiguration(WarehouseOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.MemoryLimit) || WarehouseDatabase.IsMemoryLimit(o.MemoryLimit.Trim()),
                "Warehouse:MemoryLimit must be a size such as 4GiB, 512MB or 2GB, or empty for DuckDB's default.")
            .Validate(o => o.Threads is null or (>= 1 and <= 1024), "Warehouse:Threads must be from 1 to 1024, or empty for one per core.")
            .Validate(o => o.PreAggregateRowsInMemory >= 0, "Warehouse:PreAggregateRowsInMemory must be 0 or more.")
            .Validate(o => o.UpperLevelRowsInMemory >= 0, "Warehouse:UpperLevelRowsInMemory must be 0 or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WarehouseInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WarehouseInitializer>());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            return new WarehouseDatabase(options.ResolvePath());
        });
        builder.Services.AddSingleton(sp => new PreAggregates(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<IOptions<WarehouseOptions>>().Value.PreAggregateRowsInMemory));
        // Only the server holds the upper levels' series in memory: a command-line run ends before the load pays off.
        builder.Services.AddSingleton(sp => new UpperLevelObservations(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<IOptions<WarehouseOptions>>().Value.UpperLevelRowsInMemory));
        builder.Services.AddWarehouseReaders();
        builder.Services.AddHostedService<InMemoryWarmup>();
        return builder;
    }

    /// <summary>
    /// Registers every reader of the registered <see cref="WarehouseDatabase"/>: the one wiring that the server and the
    /// command line share, so that both answer alike.
    /// </summary>
    public static IServiceCollection AddWarehouseReaders(this IServiceCollection services)
    {
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<IndicatorCatalog>();
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<SeriesReader>();
        services.AddSingleton<PanelReader>();
        services.AddSingleton<RegionLineageReader>();
        services.AddSingleton<DataVersionLog>();
        services.AddSingleton<RollupCalculator>();
        services.AddSingleton<ObservationSearch>();
        services.TryAddSingleton<PreAggregates>(); // the server's AddWarehouse registers it first, with its configured memory bound
        services.AddSingleton<Aggregator>();
        services.AddSingleton<AchievementRanking>();
        services.AddSingleton<ScorecardReader>();
        services.AddSingleton<TargetFinder>();
        services.AddSingleton<TargetWriter>();
        services.AddSingleton<AuditTrail>();
        return services;
    }

    /// <summary>
    /// Makes the warehouse ready before the host starts. Returns null when it is, else the exit code of what is
    /// wrong, after logging one line that names the path and the fix.
    /// </summary>
    public static int? PrepareWarehouse(this IHost app) => app.Services.GetRequiredService<WarehouseInitializer>().TryPrepare();
}
