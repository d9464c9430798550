using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Targets;
using Microsoft.Extensions.Options;

namespace Kencana.Server.Hosting;

public static class WarehouseHostingExtensions
{
    /// <summary>Registers the embedded warehouse, its readers, and the start-up build from the seed.</summary>
    public static IHostApplicationBuilder AddWarehouse(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WarehouseOptions>(builder.Configuration.GetSection(WarehouseOptions.Section));
        builder.Services.AddSingleton<WarehouseInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WarehouseInitializer>());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            return new WarehouseDatabase(options.ResolvePath());
        });
        builder.Services.AddSingleton<IndicatorCatalog>();
        builder.Services.AddSingleton<RegionDirectory>();
        builder.Services.AddSingleton<SourceCatalog>();
        builder.Services.AddSingleton<SeriesReader>();
        builder.Services.AddSingleton<DataVersionLog>();
        builder.Services.AddSingleton<RollupCalculator>();
        builder.Services.AddSingleton<ObservationSearch>();
        builder.Services.AddSingleton<Aggregator>();
        builder.Services.AddSingleton<AchievementRanking>();
        builder.Services.AddSingleton<ScorecardReader>();
        return builder;
    }

    /// <summary>
    /// Makes the warehouse ready before the host starts. Returns null when it is, else the exit code of what is
    /// wrong, after logging one line that names the path and the fix.
    /// </summary>
    public static int? PrepareWarehouse(this IHost app) => app.Services.GetRequiredService<WarehouseInitializer>().TryPrepare();
}
