namespace Kencana.Server.Identity;

/// <summary>
/// Why the credentials a request carried were refused, kept on the request so that the 401 can say it (an expired
/// token, a revoked key) instead of a bare "unauthorized".
/// </summary>
internal static class CredentialFailure
{
    private const string Key = "kencana.credentialFailure";

    public static void Set(HttpContext http, string reason) => http.Items[Key] = reason;

    public static string? Get(HttpContext http) => http.Items.TryGetValue(Key, out var reason) ? reason as string : null;

    /// <summary>True when the request carried credentials of any kind (which must then be valid, even for a read).</summary>
    public static bool Presented(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.Authorization.Count > 0;
}
