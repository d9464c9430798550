using System.Diagnostics;
using System.Net;
using System.Text;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Robustness;

/// <summary>Small documents that once cost the server minutes or days, and the limits that now refuse them at once.</summary>
[Collection(ServerGroup.Name)]
public class HostileQueryTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    /// <summary>1.7 KB: each fragment spreads the next twice, 2^40 selections when expanded.</summary>
    internal static string FragmentBomb(int levels = 40)
    {
        var text = new StringBuilder("query Bomb { ...F0 }\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on Query {{ a{i}: indicators {{ code }} ...F{i + 1} ...F{i + 1} }}\n");
        }
        text.Append($"fragment F{levels} on Query {{ indicators {{ code }} }}\n");
        return text.ToString();
    }

    [Fact]
    public async Task A_fragment_bomb_is_refused_within_a_second_by_post_and_by_get()
    {
        var clock = Stopwatch.StartNew();
        var posted = await _client.PostAsync(FragmentBomb());
        var got = await _client.GetQueryAsync(FragmentBomb());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // was days
        foreach (var response in new[] { posted, got })
        {
            Assert.Equal("QUERY_TOO_COMPLEX", response.FirstErrorCode);
            Assert.Contains("GraphQL:MaxComplexity", response.FirstErrorMessage);
            Assert.Null(response.Data);
        }
    }

    [Fact]
    public async Task Trivial_queries_stay_fast_while_bombs_and_a_heavy_batch_arrive()
    {
        using var stop = new CancellationTokenSource();
        var attackers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var batch = "[" + string.Join(",", Enumerable.Repeat(
                "{\"query\":\"{ regions(level: VILLAGE, first: 1000) { code name parent { name } } }\"}", 20)) + "]";
            while (!stop.IsCancellationRequested)
            {
                await _client.PostAsync(FragmentBomb());
                using var content = new StringContent(batch, Encoding.UTF8, "application/json");
                using var _ = await _client.PostAsync("/graphql", content);
            }
        })).ToList();
        try
        {
            var timings = new List<double>();
            for (var i = 0; i < 9; i++)
            {
                var clock = Stopwatch.StartNew();
                var response = await _client.PostAsync("{ __typename }");
                timings.Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
            }
            timings.Sort();
            Assert.True(timings[timings.Count / 2] < 100, $"median {timings[timings.Count / 2]:F1} ms: {string.Join(", ", timings.Select(t => t.ToString("F1")))}");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(attackers);
        }
    }

    [Fact]
    public async Task Thousands_of_aliases_are_priced_and_refused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"a{i}: regions(first: 1000) {{ code }}")) + " }";
        var response = await _client.PostAsync(query);
        Assert.Equal("QUERY_TOO_COMPLEX", response.FirstErrorCode);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_naming_the_depth_limit()
    {
        var query = "{ region(code: \"64\") { " + string.Concat(Enumerable.Repeat("parent { ", 20)) + "code" + new string('}', 20) + " } }";
        var response = await _client.PostAsync(query);
        Assert.Equal("QUERY_TOO_DEEP", response.FirstErrorCode);
        Assert.Contains("GraphQL:MaxDepth", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Introspection_that_nests_lists_beyond_what_clients_ask_is_refused()
    {
        var response = await _client.PostAsync("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        Assert.Equal("INTROSPECTION_TOO_DEEP", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_cyclic_fragment_is_a_validation_error_not_a_hang()
    {
        var response = await _client.PostAsync("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Errors);
    }

    [Fact]
    public async Task A_year_far_out_of_range_is_the_callers_error_naming_the_field()
    {
        var response = await _client.PostAsync("{ observations(where: { toYear: 2147483647 }) { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("where.toYear", response.Errors![0]!["extensions"]!["argument"]!.GetValue<string>());
        Assert.Contains("1900 to 2100", response.FirstErrorMessage);
    }

    [Fact]
    public async Task The_documented_maximum_page_works_and_one_more_is_refused()
    {
        var full = await _client.PostAsync("{ observations(first: 1000) { nodes { value } pageInfo { hasNextPage } } }");
        Assert.Null(full.Errors);
        Assert.InRange(full.Data!["observations"]!["nodes"]!.AsArray().Count, 1, 1000);

        var over = await _client.PostAsync("{ observations(first: 1001) { nodes { value } } }");
        Assert.Equal("PAGE_SIZE_EXCEEDED", over.FirstErrorCode);
        Assert.Equal("first", over.Errors![0]!["extensions"]!["argument"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sources_answer_their_publication_date()
    {
        var response = await _client.PostAsync("{ sources { id publishedOn } }");
        Assert.Null(response.Errors);
        var dates = response.Data!["sources"]!.AsArray().Select(s => s!["publishedOn"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
    }

    [Fact]
    public async Task Caller_mistakes_from_deep_in_the_warehouse_carry_their_code_and_argument()
    {
        var response = await _client.PostAsync("{ aggregate(groupBy: [YEAR]) { year count } }");
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal("groupBy", response.Errors![0]!["extensions"]!["argument"]!.GetValue<string>());
        Assert.DoesNotContain("(Parameter", response.FirstErrorMessage);

        var forecast = await _client.PostAsync("{ forecast(indicator: \"STUNTING\", region: \"64.74\", horizon: 99) { method } }");
        Assert.Equal("BAD_USER_INPUT", forecast.FirstErrorCode);
        Assert.Equal("horizon", forecast.Errors![0]!["extensions"]!["argument"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Documents_too_large_to_validate_cheaply_are_refused_before_validation(int shape)
    {
        // Each once cost seconds to minutes of validation (fields that can merge are compared in pairs), whatever the limits.
        var query = shape switch
        {
            1 => "{ " + string.Join(" ", Enumerable.Repeat("indicators { code }", 2000)) + " }",
            2 => "query { " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"...F{i}")) + " }\n"
                + string.Concat(Enumerable.Range(0, 200).Select(i => $"fragment F{i} on Query {{ indicators {{ code }} }}\n")),
            _ => "{ " + string.Join(" ", Enumerable.Range(0, 2100).Select(i => $"a{i}: __typename")) + " }",
        };
        var clock = Stopwatch.StartNew();
        var response = await _client.PostAsync(query);
        Assert.Equal("QUERY_TOO_LARGE", response.FirstErrorCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
