using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Kencana.Server.GraphQL.Limits;
using Kencana.Server.GraphQL.Transport;
using Kencana.Server.Identity;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Persisted;

/// <summary><c>POST /graphql/documents</c>: registers a query (after checking it against the schema) and answers its documentId.</summary>
public static class PersistedDocumentEndpoints
{
    public static IEndpointRouteBuilder MapPersistedDocuments(this IEndpointRouteBuilder app, string pattern)
    {
        app.MapPost(pattern + "/documents", async (HttpContext http, PersistedDocumentStore store, PersistedDocumentOptions options, GraphQLLimits limits, ISchema schema, IDocumentValidator validator) =>
        {
            // A document may never be larger than a request could carry, or registering it would smuggle it past that limit.
            var maxBytes = Math.Min(options.MaxDocumentBytes, limits.MaxRequestBytes);
            DocumentRegistration? registration;
            try
            {
                using var body = new LimitedStream(http.Request.Body, maxBytes + 1024);
                registration = await JsonSerializer.DeserializeAsync<DocumentRegistration>(body, JsonSerializerOptions.Web, http.RequestAborted);
            }
            catch (RequestTooLargeException)
            {
                return Results.Problem(title: "Document too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"The registration is larger than the limit (GraphQL:PersistedDocuments:MaxDocumentBytes, at most GraphQL:MaxRequestBytes) of {maxBytes} bytes.");
            }
            catch (JsonException ex)
            {
                return Results.Problem(title: "Not a registration", statusCode: 400, detail: $"POST {{\"query\": \"...\"}} as JSON to register a document. {ex.Message}");
            }
            if (string.IsNullOrWhiteSpace(registration?.Query))
            {
                return Results.Problem(title: "No query", detail: "POST {\"query\": \"...\"} to register a document.", statusCode: 400);
            }
            if (System.Text.Encoding.UTF8.GetByteCount(registration.Query) > maxBytes)
            {
                return Results.Problem(title: "Document too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"The document is larger than the limit (GraphQL:PersistedDocuments:MaxDocumentBytes, at most GraphQL:MaxRequestBytes) of {maxBytes} bytes.");
            }
            GraphQLDocument document;
            try
            {
                document = GraphQLParser.Parser.Parse(registration.Query);
            }
            catch (GraphQLSyntaxErrorException ex)
            {
                return Results.Problem(title: "The query does not parse", detail: ex.Message, statusCode: 400);
            }
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            if (operations.Count == 0)
            {
                return Results.Problem(title: "No operation", detail: "The document defines no operation to run.", statusCode: 400);
            }
            var problems = new List<string>();
            foreach (var operation in operations)
            {
                var result = await validator.ValidateAsync(new ValidationOptions
                {
                    Schema = schema,
                    Document = document,
                    Operation = operation,
                    Variables = Inputs.Empty,
                    Extensions = Inputs.Empty,
                    RequestServices = http.RequestServices,
                });
                // Variables get their values when the document runs: a required one missing now is no fault of the document.
                problems.AddRange(result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message));
            }
            if (problems.Count > 0)
            {
                return Results.Problem(title: "The query does not fit the schema", detail: string.Join(" ", problems.Distinct()), statusCode: 400);
            }
            try
            {
                var id = store.Save(registration.Query);
                return Results.Ok(new { documentId = id, use = $"POST {pattern} with {{\"documentId\": \"{id}\", \"variables\": {{...}}}}" });
            }
            catch (UserInputException ex)
            {
                return Results.Problem(title: "Document refused", detail: ex.Message,
                    statusCode: ex.Code == ErrorCodes.RequestTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status507InsufficientStorage,
                    extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
            }
        }).RequireAuthorization(KencanaPolicies.Analyst);
        return app;
    }

    public sealed record DocumentRegistration(string? Query);
}
