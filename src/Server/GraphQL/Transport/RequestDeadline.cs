using GraphQL;
using Kencana.Server.GraphQL.Limits;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Transport;

/// <summary>
/// The one time limit of an HTTP request (GraphQL:TimeoutSeconds), shared by every operation it carries. Its token
/// reaches each resolver and, through it, DuckDB, which interrupts the running statement; an operation caught by the
/// limit answers a TIMEOUT error instead of its data. The server stopping ends it too, so that a shutdown never waits
/// on a long query.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _aborted;
    private readonly CancellationToken _stopping;
    private readonly double _seconds;

    public RequestDeadline(GraphQLLimits limits, CancellationToken aborted, CancellationToken stopping)
    {
        _seconds = limits.TimeoutSeconds;
        _aborted = aborted;
        _stopping = stopping;
        _source = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        _source.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds));
    }

    /// <summary>Runs one operation under the limit; once the limit has passed, operations answer TIMEOUT at once.</summary>
    public async Task<ExecutionResult> RunAsync(Func<CancellationToken, Task<ExecutionResult>> operation)
    {
        if (!_source.IsCancellationRequested)
        {
            try
            {
                return await operation(_source.Token);
            }
            catch (OperationCanceledException) when (!_aborted.IsCancellationRequested)
            {
                // the limit passed: answer below
            }
        }
        // A client that went away gets no answer; the exception ends the request quietly in ASP.NET Core.
        _aborted.ThrowIfCancellationRequested();
        if (_stopping.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                Executed = true,
                Errors = [new ExecutionError("The server is shutting down and stopped this request; send it again in a moment.") { Code = ErrorCodes.ServerStopping }],
            };
        }
        return new ExecutionResult
        {
            Executed = true, // it did start: a timeout is not a malformed request (no 400 for graphql-response+json)
            Errors = [new ExecutionError(
                $"The request ran longer than the limit of {_seconds} s (GraphQL:TimeoutSeconds) and was stopped, its warehouse queries included. " +
                "Narrow the filter, page with 'first', or send fewer operations in one batch.") { Code = ErrorCodes.Timeout }],
        };
    }

    public void Dispose() => _source.Dispose();
}
