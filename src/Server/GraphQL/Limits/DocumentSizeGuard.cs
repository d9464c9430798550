using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Limits;

/// <summary>
/// Refuses documents too large to validate cheaply, before graphql-dotnet validates them. Validation is not bounded by
/// the time limit, and its rule that checks that fields can be merged compares every pair of same-named fields and
/// every pair of fragments spread in one place: 20,000 copies of <c>indicators { code }</c> (400 KB) took 113 s of CPU,
/// and 1,000 one-field fragments spread side by side 4 s. So a document may hold at most
/// <see cref="GraphQLLimits.MaxFields"/> field selections and <see cref="MaxFragments"/> fragments, and one selection
/// set at most <see cref="MaxRepeats"/> fields of one name and as many fragments. Runs after persisted documents are
/// loaded, and hands the parsed document on so it is parsed once.
/// </summary>
internal sealed class DocumentSizeGuard(GraphQLLimits limits) : IConfigureExecution
{
    /// <summary>No query needs one field more often than this in one selection set, nor more fragments side by side.</summary>
    public const int MaxRepeats = 50;

    /// <summary>The most fragment definitions in one document.</summary>
    public const int MaxFragments = 100;

    public float SortOrder => 300; // after the persisted-document loader (200)

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            try
            {
                options.Document = GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
            }
            catch (GraphQLSyntaxErrorException)
            {
                return next(options); // the executer reports it with its location
            }
        }
        if (options.Document is { } document && Measure(document) is { } refusal)
        {
            return Task.FromResult(new ExecutionResult { Errors = [new ExecutionError(refusal) { Code = ErrorCodes.QueryTooLarge }] });
        }
        return next(options);
    }

    private string? Measure(GraphQLDocument document)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().Count();
        if (fragments > MaxFragments)
        {
            return $"The document defines {fragments} fragments; at most {MaxFragments} may be defined in one document.";
        }
        var fields = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    pending.Push(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    pending.Push(fragment.SelectionSet);
                    break;
            }
        }
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (pending.TryPop(out var set))
        {
            names.Clear();
            var spreads = 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        fields++;
                        var name = (field.Alias?.Name ?? field.Name).StringValue;
                        var repeats = names[name] = names.GetValueOrDefault(name) + 1;
                        if (repeats > MaxRepeats)
                        {
                            return $"The query selects '{name}' more than {MaxRepeats} times in one selection set; ask for it once.";
                        }
                        if (field.SelectionSet is not null)
                        {
                            pending.Push(field.SelectionSet);
                        }
                        break;
                    case GraphQLInlineFragment inline:
                        spreads++;
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread:
                        spreads++;
                        break;
                }
            }
            if (spreads > MaxRepeats)
            {
                return $"The query spreads {spreads} fragments in one selection set; at most {MaxRepeats} may stand side by side.";
            }
            if (fields > limits.MaxFields)
            {
                return $"The query has more than {limits.MaxFields} field selections; the limit (GraphQL:MaxFields) is {limits.MaxFields}. Split it into several requests.";
            }
        }
        return null;
    }
}
