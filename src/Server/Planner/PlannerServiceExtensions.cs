using Kencana.Server.Localization;

namespace Kencana.Server.Planner;

public static class PlannerServiceExtensions
{
    /// <summary>Registers what the planner's path needs: its texts in Indonesian and English.</summary>
    public static IHostApplicationBuilder AddPlanner(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlannerTexts>();
        return builder;
    }
}
