using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;

namespace Kencana.Server.GraphQL.Caching;

/// <summary>What makes two requests the same answer: the data version, the document and its operation, and the variables.</summary>
internal readonly record struct ResponseCacheKey(int DataVersion, string Request)
{
    public static ResponseCacheKey For(int dataVersion, GraphQLRequest request, IGraphQLTextSerializer serializer)
    {
        // Variables are written back out through the serializer, so {"a":1} and { "a" : 1 } are one key.
        var variables = request.Variables is null ? "" : serializer.Serialize(request.Variables);
        var text = string.Join('\u0001', request.Query ?? "", request.DocumentId ?? "", request.OperationName ?? "", variables);
        return new ResponseCacheKey(dataVersion, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
