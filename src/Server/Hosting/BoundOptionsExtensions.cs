using Microsoft.Extensions.Options;

namespace Kencana.Server.Hosting;

/// <summary>One way to bind every options class of the server from its configuration section.</summary>
public static class BoundOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> as <c>IOptions&lt;T&gt;</c>, and registers
    /// the bound values themselves too, for the services that read them directly.
    /// </summary>
    public static OptionsBuilder<TOptions> AddBoundOptions<TOptions>(this IServiceCollection services, string section) where TOptions : class
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(section);
    }
}
