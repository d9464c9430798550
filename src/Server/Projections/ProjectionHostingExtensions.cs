using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.Projections;

public static class ProjectionHostingExtensions
{
    /// <summary>Registers forecasting: the model registry, its background refresh and the forecast service.</summary>
    public static IHostApplicationBuilder AddProjections(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProjectionOptions.Section).Get<ProjectionOptions>() ?? new ProjectionOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PanelReader>();
        builder.Services.AddSingleton<TargetFinder>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddHostedService<ModelRefreshService>();
        return builder;
    }
}
