using GraphQL;
using Kencana.Server.GraphQL.Loading;
using Kencana.Server.GraphQL.Persisted;

namespace Kencana.Server.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>Registers the schema, its types, the serializer and the request limits.</summary>
    public static IHostApplicationBuilder AddKencanaGraphQL(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddScoped<RequestLoader>();
        var persisted = builder.Configuration.GetSection("GraphQL:PersistedDocuments").Get<PersistedDocumentOptions>() ?? new PersistedDocumentOptions();
        builder.Services.AddSingleton(persisted);
        builder.Services.AddSingleton<PersistedDocumentStore>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<KencanaSchema>()
            .AddGraphTypes(typeof(KencanaSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = limits.MaxDepth;
                options.MaxComplexity = limits.MaxComplexity;
            })
            .AddErrorInfoProvider(services => new LimitErrorInfoProvider(limits, new global::GraphQL.Execution.ErrorInfoProviderOptions { ExposeExceptionDetails = builder.Environment.IsDevelopment() }))
            .UsePersistedDocuments<PersistedDocumentStore>(global::GraphQL.DI.ServiceLifetime.Singleton, options => options.AllowOnlyPersistedDocuments = false)
            .WithTimeout(TimeSpan.FromSeconds(limits.TimeoutSeconds)));
        return builder;
    }
}
