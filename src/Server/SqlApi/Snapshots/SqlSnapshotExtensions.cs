using Kencana.Server.Hosting;
using Kencana.Warehouse.SqlApi;
using Microsoft.Extensions.Options;

namespace Kencana.Server.SqlApi.Snapshots;

public static class SqlSnapshotExtensions
{
    /// <summary>
    /// Registers the SQL API's snapshots: the options, the session source the wire protocol opens sessions from
    /// (<see cref="ISqlSessionSource"/>), the service that builds a snapshot per data version, and the grant that
    /// lets the warehouse write snapshots. Called only when the SQL API is on, so snapshots cost nothing otherwise.
    /// </summary>
    public static WebApplicationBuilder AddSqlSnapshots(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqlSnapshots();
        return builder;
    }

    /// <summary>The registrations of <see cref="AddSqlSnapshots(WebApplicationBuilder)"/>, for hosts built another way (the tests' factory).</summary>
    public static IServiceCollection AddSqlSnapshots(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddBoundOptions<SqlSandboxOptions>(SqlSandboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SqlSandboxOptions>, SqlSandboxOptionsValidation>();
        services.AddSingleton(sp => new WarehouseDirectoryGrant(
            sp.GetRequiredService<SqlSandboxOptions>().ResolveSnapshotDirectory(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value),
            "SQL API snapshots"));
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<SnapshotSessionSource>>();
            return new SnapshotSessionSource(sp.GetRequiredService<SqlSandboxOptions>().ToLimits(), file => SqlSnapshotService.LogDeleted(logger, file.DataVersion, file.Path));
        });
        services.AddSingleton<ISqlSessionSource>(sp => sp.GetRequiredService<SnapshotSessionSource>());
        services.AddHostedService<SqlSnapshotService>();
        return services;
    }
}
