using GraphQL;
using GraphQL.Execution;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Errors;

/// <summary>
/// The one place where an exception from a resolver becomes a GraphQL error. The caller's mistakes
/// (<see cref="UserInputException"/>) answer with their code, argument and message; anything else is the server's
/// fault: it is logged with the request id, and the client gets that id to quote instead of internals.
/// </summary>
internal static partial class ResolverErrors
{
    /// <summary>The key of <see cref="ExecutionOptions.UserContext"/> that holds the request id.</summary>
    public const string RequestIdKey = "requestId";

    public static Task HandleAsync(UnhandledExceptionContext context)
    {
        context.Exception = context.OriginalException switch
        {
            UserInputException input => ToError(input),
            _ => Unexpected(context),
        };
        return Task.CompletedTask;
    }

    private static ExecutionError ToError(UserInputException input)
    {
        var error = new ExecutionError(input.Message) { Code = input.Code };
        if (input.Argument is not null)
        {
            error.Data[ErrorExtensions.ArgumentKey] = input.Argument;
        }
        return error;
    }

    private static ExecutionError Unexpected(UnhandledExceptionContext context)
    {
        var options = context.ExecutionOptions;
        var requestId = options.UserContext.TryGetValue(RequestIdKey, out var id) ? id as string : null;
        requestId ??= Guid.NewGuid().ToString("N");
        var field = context.FieldContext?.FieldDefinition.Name;
        var logger = LoggerOf(options.RequestServices);
        if (logger is not null)
        {
            LogUnexpected(logger, context.OriginalException, field ?? "(document)", requestId);
        }
        var error = new ExecutionError(
            $"The server failed while answering {(field is null ? "the request" : $"field '{field}'")}. It has been logged; quote request id {requestId} when you report it.")
        {
            Code = ErrorCodes.InternalError,
        };
        error.Data[ErrorExtensions.RequestIdKey] = requestId;
        return error;
    }

    private static ILogger? LoggerOf(IServiceProvider? services)
    {
        try
        {
            return services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResolverErrors).FullName!);
        }
        catch (ObjectDisposedException)
        {
            return null; // the host is shutting down under the request; its answer still says what happened
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL field {Field} failed (request {RequestId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string field, string requestId);
}
