using System.Net;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Kencana.Server.Identity;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Identity;

/// <summary><c>Auth:AllowAnonymousRead=false</c>: every endpoint but health answers 401 without credentials.</summary>
[Collection(ClosedServerGroup.Name)]
public class ClosedDeploymentTests(ClosedServerFactory server)
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/graphql")]
    [InlineData("GET", "/graphql?query={indicators{code}}")]
    [InlineData("POST", "/graphql")]
    [InlineData("POST", "/graphql/documents")]
    [InlineData("GET", "/api/v1/export")]
    [InlineData("GET", "/api/v1/export/observations.csv?indicator=STUNTING")]
    [InlineData("GET", "/api/v1/export/observations.xlsx?indicator=STUNTING&parent=64")]
    [InlineData("GET", "/planner")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/a/page/added/later")]
    public async Task Every_endpoint_answers_401_without_credentials(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"query":"{ indicators { code } }"}""", System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await server.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("X-Api-Key", body, StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_stays_open(string path)
    {
        using var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_reader_key_reads_GraphQL_and_exports()
    {
        using var reader = server.ClientWithKey(Roles.Reader);
        var answer = await reader.PostAsync("{ indicators { code } }");
        Assert.Null(answer.Errors);
        using var export = await reader.GetAsync("/api/v1/export/observations.csv?indicator=STUNTING&parent=64");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Flight_refuses_a_caller_without_credentials_and_serves_one_with_a_key()
    {
        using var channel = GrpcChannel.ForAddress(server.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.Server.CreateHandler() });
        var client = new FlightClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.GetInfo(FlightDescriptor.CreateCommandDescriptor("observations?indicator=STUNTING&parentCode=64")));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("X-Api-Key", refused.Status.Detail, StringComparison.Ordinal);

        var (_, key) = server.Keys.Create(Roles.Reader, [], "flight");
        var info = await client.GetInfo(FlightDescriptor.CreateCommandDescriptor("observations?indicator=STUNTING&parentCode=64"), new Metadata { { "x-api-key", key } });
        Assert.Single(info.Endpoints);
    }
}
