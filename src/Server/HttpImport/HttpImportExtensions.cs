using Kencana.Server.Hosting;
using Kencana.Warehouse.Import;

namespace Kencana.Server.HttpImport;

public static class HttpImportExtensions
{
    /// <summary>Registers <c>POST /api/v1/imports</c>'s options and grants DuckDB its staging directory.</summary>
    public static IHostApplicationBuilder AddHttpImports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<HttpImportOptions>(HttpImportOptions.Section)
            .Validate(o => o.MaxBytes > 0, "Import:MaxBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new WarehouseDirectoryGrant(sp.GetRequiredService<HttpImportOptions>().ResolveStagingDirectory(), "imports over HTTP"));
        builder.Services.AddSingleton(sp => new Importer(sp.GetRequiredService<Kencana.Warehouse.Storage.WarehouseDatabase>()));
        return builder;
    }
}
