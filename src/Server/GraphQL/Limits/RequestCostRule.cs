using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Kencana.Warehouse.Errors;

namespace Kencana.Server.GraphQL.Limits;

/// <summary>
/// Prices a request before it runs: its complexity (every selected field, multiplied by the page sizes of the lists
/// around it), its depth, and how deeply introspection nests its lists. Refuses requests over the limits.
/// </summary>
/// <remarks>
/// Every fragment is priced once and its price reused at each spread, so the analysis takes time linear in the
/// document's size. graphql-dotnet's own analyzer walks a fragment again at every spread, which lets 1.7 KB of nested
/// spreads (<c>fragment F0 on Query { ...F1 ...F1 }</c>, 40 levels) cost 2^40 steps before anything is refused.
/// Introspection is not priced as data: it reads the schema in memory, and the standard introspection query of every
/// GraphQL client must pass. It is bounded instead the way graphql-js bounds it (MaxIntrospectionDepthRule): at most
/// two nested lists among fields, inputFields, interfaces and possibleTypes.
/// </remarks>
internal sealed class RequestCostRule(GraphQLLimits limits) : ValidationRuleBase
{
    /// <summary>A list field without a 'first' argument is priced as this many items.</summary>
    public const int DefaultListSize = 20;

    /// <summary>Introspection may nest at most this many of its list fields.</summary>
    public const int MaxIntrospectionLists = 2;

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // Earlier rules report undefined fragments, cycles and unknown fields; pricing such a document means nothing.
        if (!context.HasErrors)
        {
            var cost = new Pricing(context).Operation(context.Operation);
            if (cost.Depth > limits.MaxDepth)
            {
                context.ReportError(new RequestLimitError(ErrorCodes.QueryTooDeep,
                    $"The query nests {cost.Depth} levels; the limit (GraphQL:MaxDepth) is {limits.MaxDepth}. Ask for fewer nested levels."));
            }
            else if (cost.Complexity > limits.MaxComplexity)
            {
                context.ReportError(new RequestLimitError(ErrorCodes.QueryTooComplex,
                    $"The query's complexity is {Describe(cost.Complexity)}; the limit (GraphQL:MaxComplexity) is {limits.MaxComplexity}. " +
                    $"Each field counts once per item of the lists around it (their 'first', else {DefaultListSize}): ask for smaller pages or fewer fields."));
            }
            if (cost.IntrospectionLists > MaxIntrospectionLists)
            {
                context.ReportError(new RequestLimitError(ErrorCodes.IntrospectionTooDeep,
                    $"The introspection query nests {cost.IntrospectionLists} of fields, inputFields, interfaces and possibleTypes; at most {MaxIntrospectionLists} may nest. The standard introspection query nests 1."));
            }
        }
        return default;
    }

    private static string Describe(double complexity) =>
        complexity < 1e15 ? complexity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "beyond 10^15";

    /// <summary>What a selection set costs: complexity adds up across siblings, depths take the deepest.</summary>
    private readonly record struct Cost(double Complexity, int Depth, int IntrospectionLists)
    {
        public Cost Plus(Cost other) => new(
            Complexity + other.Complexity, Math.Max(Depth, other.Depth), Math.Max(IntrospectionLists, other.IntrospectionLists));
    }

    /// <summary>One request's pricing, with each fragment priced once.</summary>
    private sealed class Pricing(ValidationContext context)
    {
        private readonly Dictionary<string, Cost> _fragments = new(StringComparer.Ordinal);
        private readonly HashSet<string> _pricing = new(StringComparer.Ordinal);

        public Cost Operation(GraphQLOperationDefinition operation)
        {
            IGraphType? root = operation.Operation switch
            {
                OperationType.Query => context.Schema.Query,
                OperationType.Mutation => context.Schema.Mutation,
                _ => context.Schema.Subscription,
            };
            return SelectionSet(operation.SelectionSet, root);
        }

        private Cost SelectionSet(GraphQLSelectionSet set, IGraphType? parent)
        {
            var total = default(Cost);
            foreach (var selection in set.Selections)
            {
                total = total.Plus(selection switch
                {
                    GraphQLField field => Field(field, parent),
                    GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? parent),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => default,
                });
            }
            return total;
        }

        private Cost Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known))
            {
                return known;
            }
            var definition = context.Document.FindFragmentDefinition(name);
            // A cycle or a missing fragment is reported by the standard rules; price it as nothing rather than loop.
            if (definition is null || !_pricing.Add(name))
            {
                return default;
            }
            var cost = SelectionSet(definition.SelectionSet, TypeNamed(definition.TypeCondition));
            _pricing.Remove(name);
            _fragments[name] = cost;
            return cost;
        }

        private Cost Field(GraphQLField field, IGraphType? parent)
        {
            var name = field.Name.StringValue;
            if (name == "__typename")
            {
                return default;
            }
            var definition = Definition(name, parent);
            var children = field.SelectionSet is null ? default : SelectionSet(field.SelectionSet, definition?.ResolvedType?.GetNamedType());
            if (name is "__schema" or "__type" || parent?.Name.StartsWith("__", StringComparison.Ordinal) == true)
            {
                var isList = name is "fields" or "inputFields" or "interfaces" or "possibleTypes" ? 1 : 0;
                return new Cost(0, 0, children.IntrospectionLists + isList);
            }
            return new Cost(1 + (Multiplier(field, definition) * children.Complexity), children.Depth + 1, children.IntrospectionLists);
        }

        private FieldType? Definition(string name, IGraphType? parent) => name switch
        {
            "__schema" => context.Schema.SchemaMetaFieldType,
            "__type" => context.Schema.TypeMetaFieldType,
            _ => (parent as IComplexGraphType)?.GetField(name),
        };

        /// <summary>How many items a field's children are priced for: its page size when it has one, else a list's default.</summary>
        private double Multiplier(GraphQLField field, FieldType? definition)
        {
            if (context.ArgumentValues is { } values && values.TryGetValue(field, out var arguments)
                && arguments.TryGetValue("first", out var first) && first.Value is int size)
            {
                return Math.Max(size, 1);
            }
            var type = definition?.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : definition?.ResolvedType;
            return type is ListGraphType ? DefaultListSize : 1;
        }

        private IGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
            condition is null ? null : context.Schema.AllTypes[condition.Type.Name.StringValue];
    }
}
