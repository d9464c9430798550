using Kencana.Server.Hosting;
using Kencana.Warehouse.Export;

namespace Kencana.Server.Export;

public static class ExportServiceExtensions
{
    /// <summary>Registers the export datasets, their catalogue, the request parser and the export service.</summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<ExportOptions>(ExportOptions.Section)
            .Validate(options =>
            {
                options.Validate();
                return true;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new WarehouseDirectoryGrant(sp.GetRequiredService<ExportOptions>().ResolveTempDirectory(), "Parquet exports"));
        builder.Services.AddExportDataset<ObservationsDataset>();
        builder.Services.AddExportDataset<RollupsDataset>();
        builder.Services.AddExportDataset<AchievementDataset>();
        // Computed by the forecast service (AddForecasting), staged per export and written by the same writers.
        builder.Services.AddSingleton<ForecastScope>();
        builder.Services.AddExportDataset<ForecastsDataset>();
        builder.Services.AddExportDataset<OutlooksDataset>();
        builder.Services.AddSingleton<ExportDatasetRegistry>();
        builder.Services.AddSingleton<ExportRequestParser>();
        builder.Services.AddSingleton<ExportService>();
        return builder;
    }

    /// <summary>Adds a dataset to the export: it is then served over HTTP and Arrow Flight and listed in the catalogue.</summary>
    public static IServiceCollection AddExportDataset<TDataset>(this IServiceCollection services) where TDataset : class, IExportDataset =>
        services.AddSingleton<IExportDataset, TDataset>();
}
