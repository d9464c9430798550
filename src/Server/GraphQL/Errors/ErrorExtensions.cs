using GraphQL;
using GraphQL.Execution;

namespace Kencana.Server.GraphQL.Errors;

/// <summary>
/// Writes an error's argument and request id as top-level keys of <c>extensions</c> beside its <c>code</c>, where
/// clients look for them, instead of under graphql-dotnet's generic <c>data</c>.
/// </summary>
internal sealed class ErrorExtensions(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string ArgumentKey = "argument";
    public const string RequestIdKey = "requestId";

    /// <summary>What a refused write lacked: the roles that may do it, and the region outside a planner's scope.</summary>
    private static readonly string[] AccessKeys = ["requiredRoles", "region", "scope"];

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var lifted = new Dictionary<string, object?>();
        foreach (var key in (string[])[ArgumentKey, RequestIdKey, .. AccessKeys])
        {
            if (executionError.Data.Contains(key))
            {
                lifted[key] = executionError.Data[key];
            }
        }
        if (lifted.Count == 0)
        {
            return info;
        }
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        if (extensions.TryGetValue("data", out var data) && data is IDictionary<string, object?> dictionary)
        {
            foreach (var key in lifted.Keys)
            {
                dictionary.Remove(key);
            }
            if (dictionary.Count == 0)
            {
                extensions.Remove("data");
            }
        }
        foreach (var (key, value) in lifted)
        {
            extensions[key] = value;
        }
        info.Extensions = extensions;
        return info;
    }
}
