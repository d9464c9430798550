using GraphQL;
using Kencana.Server.GraphQL.Caching;
using Kencana.Server.GraphQL.Errors;
using Kencana.Server.GraphQL.Limits;
using Kencana.Server.GraphQL.Loading;
using Kencana.Server.GraphQL.Persisted;
using Kencana.Server.Hosting;

namespace Kencana.Server.GraphQL;

public static class GraphQLServiceExtensions
{
    /// <summary>Registers the schema, its types, the serializer, the request limits and the error mapping.</summary>
    public static IHostApplicationBuilder AddKencanaGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBoundOptions<GraphQLLimits>(GraphQLLimits.Section)
            .Validate(l => l.MaxDepth > 0 && l.MaxComplexity > 0 && l.MaxFields > 0 && l.MaxRequestBytes > 0 && l.MaxBatchSize > 0 && l.TimeoutSeconds > 0,
                "Every GraphQL limit (MaxDepth, MaxComplexity, MaxFields, MaxRequestBytes, MaxBatchSize, TimeoutSeconds) must be positive.")
            .ValidateOnStart();
        builder.Services.AddBoundOptions<PersistedDocumentOptions>(PersistedDocumentOptions.Section);
        builder.Services.AddBoundOptions<ResponseCacheOptions>(ResponseCacheOptions.Section);
        builder.Services.AddBoundOptions<DocumentCacheOptions>(DocumentCacheOptions.Section);
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddScoped<RequestLoader>();
        builder.Services.AddSingleton<PersistedDocumentStore>();
        var exposeDetails = builder.Environment.IsDevelopment();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<KencanaSchema>()
            .AddGraphTypes(typeof(KencanaSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<DocumentSizeGuard>()
            .AddValidationRule<RequestCostRule>(useForCachedDocuments: true)
            .AddErrorInfoProvider(_ => new ErrorExtensions(new global::GraphQL.Execution.ErrorInfoProviderOptions { ExposeExceptionDetails = exposeDetails }))
            .ConfigureExecutionOptions(options => options.UnhandledExceptionDelegate = ResolverErrors.HandleAsync)
            .UsePersistedDocuments<PersistedDocumentStore>(global::GraphQL.DI.ServiceLifetime.Singleton, options => options.AllowOnlyPersistedDocuments = false));
        return builder;
    }
}
