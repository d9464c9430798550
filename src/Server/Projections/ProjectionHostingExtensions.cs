using Kencana.Server.Hosting;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.Projections;

public static class ProjectionHostingExtensions
{
    /// <summary>Registers forecasting: the model registry, its background refresh and the forecast service.</summary>
    public static IHostApplicationBuilder AddProjections(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<ProjectionOptions>(ProjectionOptions.Section);
        builder.Services.AddSingleton<PanelReader>();
        builder.Services.AddSingleton<TargetFinder>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddHostedService<ModelRefreshService>();
        return builder;
    }
}
