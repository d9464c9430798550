using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Transport;

/// <summary>A server whose execution time limit is too short for any query, to see what a client gets.</summary>
public sealed class ImpatientServerFactory : IDisposable
{
    private readonly KencanaServerFactory _inner = new();

    public ImpatientServerFactory() => Client = _inner.WithWebHostBuilder(b => b.UseSetting("GraphQL:TimeoutSeconds", "0.000001")).CreateClient();

    public HttpClient Client { get; }

    public void Dispose() => _inner.Dispose();
}

public class TimeoutTests(ImpatientServerFactory server) : IClassFixture<ImpatientServerFactory>
{
    [Fact]
    public async Task A_request_over_the_time_limit_gets_an_error_naming_the_limit()
    {
        // A page in value order is read with SQL: totals and region-ordered pages may be answered from memory before the
        // timer fires, which is no time limit's business.
        var response = await server.Client.PostAsync("""{ observations(where: { ancestorCode: "64" }, orderBy: VALUE_DESCENDING, first: 5) { nodes { value } } }""");
        Assert.NotNull(response.Errors);
        Assert.Equal("TIMEOUT", response.FirstErrorCode);
        Assert.Contains("TimeoutSeconds", response.FirstErrorMessage);
    }
}
