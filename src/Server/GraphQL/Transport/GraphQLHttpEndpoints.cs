using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Kencana.Server.GraphQL.Caching;
using Kencana.Server.GraphQL.Errors;
using Kencana.Server.GraphQL.Limits;
using Kencana.Server.GraphQL.Loading;
using Kencana.Server.GraphQL.Persisted;
using Kencana.Server.Operations;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Storage;
using Microsoft.Net.Http.Headers;

namespace Kencana.Server.GraphQL.Transport;

/// <summary>GraphQL over HTTP (the GraphQL-over-HTTP specification): POST with JSON, GET for queries, and the playground.</summary>
public static class GraphQLHttpEndpoints
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    /// <summary>The response header that says whether the answer came from the response cache (hit) or was kept in it (miss).</summary>
    public const string CacheHeader = "X-Kencana-Cache";

    /// <summary>The response header that reports the SQL statements a request ran.</summary>
    public const string StatementsHeader = "X-Kencana-Sql-Statements";

    /// <summary>
    /// The W3C Server-Timing header: <c>sql</c> is the time the request's statements took (rows read included),
    /// <c>execute</c> the whole execution before the answer is written.
    /// </summary>
    public const string ServerTimingHeader = "Server-Timing";
    private const string JsonMediaType = "application/json";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder app, string pattern = "/graphql")
    {
        app.MapPost(pattern, PostAsync);
        app.MapGet(pattern, (HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLLimits limits) => GetAsync(http, executer, serializer, limits, pattern));
        app.MapPlaygroundAssets(pattern);
        app.MapPersistedDocuments(pattern);
        return app;
    }

    private static async Task PostAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        // The time limit covers the whole request, from reading the body to the last operation of a batch.
        using var deadline = new RequestDeadline(limits, http.RequestAborted, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var mediaType = NegotiateMediaType(http.Request);
        if (http.Request.ContentLength > limits.MaxRequestBytes)
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"The request body is {http.Request.ContentLength} bytes; the limit (GraphQL:MaxRequestBytes) is {limits.MaxRequestBytes}.");
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"POST a JSON body with Content-Type: application/json (got '{http.Request.ContentType ?? "none"}').");
            return;
        }

        string body;
        try
        {
            using var limited = new LimitedStream(http.Request.Body, limits.MaxRequestBytes);
            using var reader = new StreamReader(limited, System.Text.Encoding.UTF8);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (RequestTooLargeException)
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"The request body exceeds the limit (GraphQL:MaxRequestBytes) of {limits.MaxRequestBytes} bytes.");
            return;
        }

        // A JSON array is a batch: several operations in one round trip, answered by an array in the same order.
        var isBatch = body.AsSpan().TrimStart().StartsWith("[");
        GraphQLRequest?[]? requests;
        try
        {
            requests = isBatch ? serializer.Deserialize<GraphQLRequest?[]>(body) : [serializer.Deserialize<GraphQLRequest>(body)];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                $"The body is not a GraphQL request: send a JSON object with a 'query' string (or a 'documentId') and optional 'variables' object and 'operationName' string, or an array of such objects. {ex.Message}");
            return;
        }
        if (requests is null || requests.Length == 0 || requests.Any(r => r is null || (string.IsNullOrWhiteSpace(r.Query) && string.IsNullOrWhiteSpace(r.DocumentId))))
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                "The request has no 'query': send a JSON object such as {\"query\": \"{ indicators { code } }\"}, or {\"documentId\": \"sha256:...\"} for a registered document.");
            return;
        }
        if (requests.Length > limits.MaxBatchSize)
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.BatchTooLarge,
                $"The batch has {requests.Length} operations; the limit (GraphQL:MaxBatchSize) is {limits.MaxBatchSize}.");
            return;
        }
        if (!isBatch)
        {
            await ExecuteAsync(http, executer, serializer, mediaType, requests[0]!, deadline);
            return;
        }
        // The batch shares the request's one time limit: twenty heavy operations get no more time than one.
        var started = Stopwatch.GetTimestamp();
        var statements = WarehouseStatistics.BeginCounting();
        var results = new List<ExecutionResult>(requests.Length);
        foreach (var request in requests)
        {
            results.Add(await deadline.RunAsync(token => executer.ExecuteAsync(Options(http, request!, token))));
        }
        Measure(http, statements, started, results);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, results, http.RequestAborted);
    }

    private static async Task GetAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLLimits limits, string endpoint)
    {
        using var deadline = new RequestDeadline(limits, http.RequestAborted, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var query = http.Request.Query["query"].ToString();
        if (string.IsNullOrEmpty(query) && AcceptsHtml(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(PlaygroundPage.Html(endpoint), http.RequestAborted);
            return;
        }
        var mediaType = NegotiateMediaType(http.Request);
        if (string.IsNullOrWhiteSpace(query))
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                "GET needs a 'query' parameter, for example /graphql?query={indicators{code}}; or open /graphql in a browser for the playground.");
            return;
        }
        Inputs? variables = null;
        var variablesText = http.Request.Query["variables"].ToString();
        if (!string.IsNullOrEmpty(variablesText))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(variablesText);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.InvalidVariables,
                    $"The 'variables' parameter is not a JSON object: {ex.Message}");
                return;
            }
        }
        var request = new GraphQLRequest { Query = query, OperationName = NullIfEmpty(http.Request.Query["operationName"].ToString()), Variables = variables };
        if (IsMutation(request))
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                "Mutations are not allowed over GET; use POST.");
            return;
        }
        await ExecuteAsync(http, executer, serializer, mediaType, request, deadline);
    }

    private static async Task ExecuteAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, string mediaType, GraphQLRequest request, RequestDeadline deadline)
    {
        var started = Stopwatch.GetTimestamp();
        var statements = WarehouseStatistics.BeginCounting();
        var cache = http.RequestServices.GetRequiredService<ResponseCache>();
        ResponseCacheKey? key = null;
        if (cache.Enabled)
        {
            // The data version is part of the key, so an answer is never served once newer data is in. A warehouse
            // that cannot say its version gets no caching; the request itself then reports what is wrong.
            key = CurrentDataVersion(http) is { } version ? ResponseCacheKey.For(version, request, serializer) : null;
            if (key is { } lookup && cache.TryGet(lookup, out var cached))
            {
                http.Response.Headers[CacheHeader] = "hit";
                Measure(http, statements, started, []);
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = mediaType + "; charset=utf-8";
                await http.Response.Body.WriteAsync(cached, http.RequestAborted);
                return;
            }
        }
        var userContext = UserContext(http);
        var result = await deadline.RunAsync(token => executer.ExecuteAsync(Options(http, request, token, userContext)));
        Measure(http, statements, started, [result]);
        // application/graphql-response+json tells a request that never executed (syntax or validation errors) by its status code.
        var status = mediaType == GraphQLResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest : AccessStatus(result) ?? StatusCodes.Status200OK;
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        if (key is { } cacheKey && result.Executed && result.Errors is not { Count: > 0 } && !userContext.ContainsKey(ResponseCache.NotCacheableKey))
        {
            using var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
            var answer = buffer.ToArray();
            cache.Add(cacheKey, answer);
            http.Response.Headers[CacheHeader] = "miss";
            await http.Response.Body.WriteAsync(answer, http.RequestAborted);
            return;
        }
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// 401 or 403 when every error of the answer is a refused write or admin read (Identity/GraphQLAccess), so that
    /// HTTP clients and proxies see a refusal as one; a partly answered request stays 200.
    /// </summary>
    private static int? AccessStatus(ExecutionResult result) =>
        result.Errors is { Count: > 0 } errors && errors.All(e => e.Code is ErrorCodes.Unauthenticated or ErrorCodes.Forbidden)
            ? errors.Any(e => e.Code == ErrorCodes.Unauthenticated) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden
            : null;

    private static int? CurrentDataVersion(HttpContext http)
    {
        try
        {
            // The request's own catalogues fix its data version, so the key and the answer speak of the same data.
            return http.RequestServices.GetRequiredService<RequestLoader>().Catalog.DataVersion;
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return null;
        }
    }

    /// <summary>Per request; concurrent, since root fields resolve in parallel and may each mark the answer.</summary>
    private static System.Collections.Concurrent.ConcurrentDictionary<string, object?> UserContext(HttpContext http) =>
        new() { [ResolverErrors.RequestIdKey] = http.TraceIdentifier };

    /// <summary>
    /// Reports what the request cost: its SQL statements in a response header (a cheap check that nested fields load
    /// in batches), the time in SQL against the whole execution as Server-Timing (browsers' developer tools show it
    /// beside the request), and both in the metrics with each operation's outcome.
    /// </summary>
    private static void Measure(HttpContext http, StatementCounter statements, long started, IEnumerable<ExecutionResult> results)
    {
        var count = statements.Count;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        http.Response.Headers[StatementsHeader] = count.ToString(invariant);
        http.Response.Headers[ServerTimingHeader] = string.Create(invariant,
            $"sql;dur={statements.Elapsed.TotalMilliseconds:F3};desc=\"{count} statement{(count == 1 ? "" : "s")}\", execute;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F3}");
        var metrics = http.RequestServices.GetRequiredService<KencanaMetrics>();
        metrics.Statements(count);
        foreach (var result in results)
        {
            metrics.Operation(result.Errors is { Count: > 0 } errors ? errors[0].Code ?? ErrorCodes.InternalError : null);
        }
    }

    private static ExecutionOptions Options(HttpContext http, GraphQLRequest request, CancellationToken cancellationToken, System.Collections.Concurrent.ConcurrentDictionary<string, object?>? userContext = null) => new()
    {
        Query = request.Query,
        DocumentId = request.DocumentId,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        RequestServices = http.RequestServices,
        User = http.User,
        CancellationToken = cancellationToken,
        UserContext = userContext ?? UserContext(http),
    };

    private static Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static string NegotiateMediaType(HttpRequest request)
    {
        // Without an explicit wish for application/graphql-response+json, answer application/json: the spec asks
        // servers to keep legacy clients working, and those send no Accept header or */*.
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var type = value.MediaType.Value;
            if (type is null)
            {
                continue;
            }
            if (type.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }
            if (type.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return JsonMediaType;
            }
        }
        return JsonMediaType;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(request.Query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return operation?.Operation == OperationType.Mutation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // execution reports the syntax error with its location
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
