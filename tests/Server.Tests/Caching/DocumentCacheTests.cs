using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Caching;

/// <summary>
/// Documents are parsed and validated once per text, but what depends on the variables is checked on every request:
/// a page size sent as a variable is priced again, however often the text was seen before.
/// </summary>
[Collection(ServerGroup.Name)]
public class DocumentCacheTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    private const string Pages = "query Pages($n: Int!) { regions(level: VILLAGE, first: $n) { code children { code children { code } } } }";

    [Fact]
    public async Task A_known_document_with_a_costly_variable_is_still_refused()
    {
        for (var round = 0; round < 2; round++)
        {
            var small = await _client.PostAsync(Pages, new { n = 3 });
            Assert.Null(small.Errors);
            Assert.Equal(3, small.Data!["regions"]!.AsArray().Count);

            var large = await _client.PostAsync(Pages, new { n = 1000 });
            Assert.Equal("QUERY_TOO_COMPLEX", large.FirstErrorCode);
            Assert.Null(large.Data);
        }
    }

    [Fact]
    public async Task A_known_document_with_a_variable_of_the_wrong_type_gets_the_variable_error()
    {
        Assert.Null((await _client.PostAsync(Pages, new { n = 2 })).Errors);

        var wrong = await _client.PostAsync(Pages, new { n = "two" });

        Assert.Equal("INVALID_VALUE", wrong.FirstErrorCode);
        Assert.Contains("$n", wrong.FirstErrorMessage);
    }
}
