using System.Net;
using System.Text;
using System.Text.Json;

namespace Kencana.Bench.Api;

/// <summary>POSTs GraphQL documents to the running server over one kept-alive HTTP/1.1 connection.</summary>
internal sealed class GraphQLEndpoint : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _endpoint;

    public GraphQLEndpoint(Uri endpoint, TimeSpan timeout)
    {
        if (!endpoint.IsLoopback)
        {
            throw new ArgumentException($"{endpoint} is not a loopback address; this benchmark only sends traffic to 127.0.0.1.", nameof(endpoint));
        }
        _endpoint = endpoint;
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false }) { Timeout = timeout };
    }

    /// <summary>The JSON body for a document, as wrk's script sends it too.</summary>
    public static string Body(string query) => JsonSerializer.Serialize(new Dictionary<string, string> { ["query"] = query });

    /// <summary>The header in which the server reports the SQL statements a request ran (absent in older builds).</summary>
    public const string StatementsHeader = "X-Kencana-Sql-Statements";

    /// <summary>Sends the body and reads the whole answer; throws unless the status is 200.</summary>
    public async Task<byte[]> PostAsync(string body, CancellationToken cancellationToken) =>
        (await SendAsync(body, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>Sends the body and reads the whole answer and the server's statement count, when it reports one; throws unless the status is 200.</summary>
    public async Task<(byte[] Body, long? Statements)> SendAsync(string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"POST {_endpoint} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 500))}");
        }
        long? statements = response.Headers.TryGetValues(StatementsHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
        return (bytes, statements);
    }

    /// <summary>Waits until the server answers a trivial query, at most <paramref name="limit"/>.</summary>
    public async Task<bool> WaitUntilUpAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var body = Body("{ __typename }");
        var deadline = DateTime.UtcNow + limit;
        for (var attempt = 0; attempt < 600 && DateTime.UtcNow < deadline; attempt++)
        {
            try
            {
                await PostAsync(body, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
        return false;
    }

    public void Dispose() => _client.Dispose();
}
