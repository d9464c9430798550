using GraphQL.Validation;

namespace Kencana.Server.GraphQL.Limits;

/// <summary>A request refused before it ran because it is over one of <see cref="GraphQLLimits"/>.</summary>
internal sealed class RequestLimitError : ValidationError
{
    public RequestLimitError(string code, string message) : base(message) => Code = code;
}
