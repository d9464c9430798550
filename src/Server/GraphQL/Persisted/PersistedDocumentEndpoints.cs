using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.Exceptions;

namespace Kencana.Server.GraphQL.Persisted;

/// <summary><c>POST /graphql/documents</c>: registers a query (after checking it against the schema) and answers its documentId.</summary>
public static class PersistedDocumentEndpoints
{
    public static IEndpointRouteBuilder MapPersistedDocuments(this IEndpointRouteBuilder app, string pattern)
    {
        app.MapPost(pattern + "/documents", async (DocumentRegistration registration, PersistedDocumentStore store, ISchema schema, IDocumentValidator validator) =>
        {
            if (string.IsNullOrWhiteSpace(registration.Query))
            {
                return Results.Problem(title: "No query", detail: "POST {\"query\": \"...\"} to register a document.", statusCode: 400);
            }
            try
            {
                var document = GraphQLParser.Parser.Parse(registration.Query);
                var result = await validator.ValidateAsync(new ValidationOptions { Schema = schema, Document = document, Operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(), Variables = Inputs.Empty, Extensions = Inputs.Empty });
                if (!result.IsValid)
                {
                    return Results.Problem(title: "The query does not fit the schema", detail: string.Join(" ", result.Errors.Select(e => e.Message)), statusCode: 400);
                }
            }
            catch (GraphQLSyntaxErrorException ex)
            {
                return Results.Problem(title: "The query does not parse", detail: ex.Message, statusCode: 400);
            }
            catch (InvalidOperationException)
            {
                return Results.Problem(title: "No operation", detail: "The document defines no operation to run.", statusCode: 400);
            }
            var id = store.Save(registration.Query);
            return Results.Ok(new { documentId = id, use = $"POST {pattern} with {{\"documentId\": \"{id}\", \"variables\": {{...}}}}" });
        });
        return app;
    }

    public sealed record DocumentRegistration(string? Query);
}
