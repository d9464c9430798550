using Kencana.Server.Hosting;

namespace Kencana.Server.Forecasting;

public static class ForecastingHostingExtensions
{
    /// <summary>Registers forecasting: the model registry, its background refresh and the forecast service.</summary>
    public static IHostApplicationBuilder AddForecasting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddForecastingServices();
        builder.Services.AddHostedService<ModelRefreshService>();
        return builder;
    }

    /// <summary>
    /// The model registry and the forecast service over the warehouse readers, with their options bound from the
    /// <c>Forecasting</c> section: shared by the server and the forecast and backtest commands.
    /// </summary>
    public static IServiceCollection AddForecastingServices(this IServiceCollection services)
    {
        services.AddBoundOptions<ForecastingOptions>(ForecastingOptions.Section);
        services.AddSingleton<ForecastPanels>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ForecastService>();
        return services;
    }
}
