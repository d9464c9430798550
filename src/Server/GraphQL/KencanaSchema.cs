using GraphQL.Introspection;
using GraphQL.Types;
using Kencana.Server.GraphQL.Mutations;

namespace Kencana.Server.GraphQL;

public sealed class KencanaSchema : Schema
{
    public KencanaSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Kencana Analytics: Bangga Kencana family-planning and stunting indicators for every Indonesian region, with their sources and targets.";
        // The 2021 introspection fields that graphql-js asks for with getIntrospectionQuery({ directiveIsRepeatable: true,
        // inputValueDeprecation: true }); without them such clients fail validation and show no docs.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>
    /// Completes introspection where graphql-dotnet 8 lags the October 2021 spec, so that every option of graphql-js's
    /// getIntrospectionQuery validates: <c>__Directive.args(includeDeprecated:)</c> and <c>__Type.specifiedByURL</c>.
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        switch (graphType)
        {
            case __Directive directive when directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                // No directive argument of this schema is deprecated, so the answer is the same either way.
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                break;
            case __Type type when type.GetField("specifiedByURL") is null:
                // Our scalars are the built-in ones and graphql-dotnet's Date, none with a published specification.
                type.Field<StringGraphType>("specifiedByURL").Resolve(_ => null);
                break;
        }
    }
}
