using GraphQL;
using GraphQL.Execution;

namespace Kencana.Server.GraphQL;

/// <summary>Rewrites the engine's bare limit errors so they name the limit, its value and where it is configured.</summary>
internal sealed class LimitErrorInfoProvider(GraphQLLimits limits, ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        return executionError.Code == "TIMEOUT"
            ? info with { Message = $"The request ran longer than the limit of {limits.TimeoutSeconds} s (GraphQL:TimeoutSeconds) and was stopped, its warehouse query included. Narrow the filter or page with 'first'." }
            : info;
    }
}
