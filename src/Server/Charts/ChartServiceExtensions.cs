using Kencana.Server.Hosting;

namespace Kencana.Server.Charts;

public static class ChartServiceExtensions
{
    /// <summary>Registers the chart images: their options (section <c>Charts</c>), the province boundaries and the three charts.</summary>
    public static IHostApplicationBuilder AddCharts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<ChartOptions>(ChartOptions.Section)
            .Validate(options =>
            {
                options.Validate();
                return true;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<ProvinceBoundaries>();
        builder.Services.AddChart<ForecastChart>();
        builder.Services.AddChart<AchievementChart>();
        builder.Services.AddChart<MapChart>();
        return builder;
    }

    /// <summary>Adds a chart: it is then served at <c>/api/v1/charts/{name}.png</c> and <c>.svg</c>.</summary>
    public static IServiceCollection AddChart<TChart>(this IServiceCollection services) where TChart : class, IChart =>
        services.AddSingleton<IChart, TChart>();
}
