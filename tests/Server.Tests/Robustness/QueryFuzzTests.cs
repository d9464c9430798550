using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kencana.Server.Tests.Robustness;

/// <summary>
/// Hundreds of mutated queries and variables per run, from a fixed seed so that a failure repeats: every answer must be
/// a 200 or a 4xx whose errors carry a code, never a 5xx or an internal error, and the server must be healthy after.
/// </summary>
[Collection(ServerGroup.Name)]
public class QueryFuzzTests(KencanaServerFactory server, ITestOutputHelper output)
{
    private const int Cases = 400;

    private static readonly string[] Seeds =
    [
        "{ series(indicator: \"UNMET_NEED\", region: \"64.74\") { points { year period value isPreferred source { id publishedOn } } targets { year value } } }",
        "{ regions(parentCode: \"64\", first: 20, offset: 0) { code name level parent { name } children(first: 5) { code } scorecard(year: 2022) { allTargetsMet } } }",
        "{ observations(where: { ancestorCode: \"64\", fromYear: 2020, toYear: 2024, preferredOnly: true }, first: 50, orderBy: VALUE_DESCENDING) { totalCount pageInfo { endCursor hasNextPage } nodes { value region { code } } } }",
        "{ aggregate(where: { indicators: [\"STUNTING\"] }, groupBy: [YEAR, LEVEL], having: [{ measure: COUNT, comparison: AT_LEAST, value: 1 }], orderBy: MEAN, first: 10) { year level count mean median stdDev } }",
        "{ rollup(indicator: \"STUNTING\", parentCode: \"64\", year: 2021) { value refusalReason published { value } } }",
        "{ achievement(indicator: \"STUNTING\", year: 2022, parentCode: \"64\") { rows { rank assessment { value gap achieved } } } }",
        "{ compare(indicator: \"STUNTING\", regions: [\"64.74\", \"64.72\"], years: [2022, 2023]) { region { name } points { value } } }",
        "{ forecast(indicator: \"STUNTING\", region: \"64\", horizon: 3, targetYear: 2029) { method points { year value } outlook { probability } } }",
        "query Q($r: String!, $y: Int) { scorecard(region: $r, year: 2022) { lines { indicator { code } } } rollup(indicator: \"STUNTING\", parentCode: $r, year: $y) { value } }",
        "{ __schema { types { name fields { name args { name type { name } } } } } }",
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "!", "@skip(if: true)", "...", "\"", "\\u0000", "#", ",", "first: -1", "first: 2147483647",
        "year: 99999", "\"64.74.01.1001.9\"", "\"6474\"", "null", "__typename", "...on Query { indicators { code } }", "é", "\u202e", "0x10", "1e308",
        "fragment X on Query { ...X }", "query", "mutation", "subscription", "a: b: c", "\"\"\"block\"\"\"", "\n", "\t",
    ];

    [Fact]
    public async Task Mutated_queries_get_clear_answers_and_leave_the_server_healthy()
    {
        var random = new Random(20261202);
        var client = server.CreateClient();
        var tally = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var query = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var variables = random.Next(4) == 0 ? RandomVariables(random) : null;
            HttpResponseMessage response;
            if (random.Next(5) == 0)
            {
                response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));
            }
            else
            {
                var body = new JsonObject { ["query"] = query, ["variables"] = variables };
                using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
                request.Headers.Accept.ParseAdd(random.Next(2) == 0 ? "application/graphql-response+json" : "application/json");
                response = await client.SendAsync(request);
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Assert.True(status is 200 or 400 or 405 or 413, $"case {i}: HTTP {status} for {query}\n{text}");
                var answer = JsonNode.Parse(text)!;
                foreach (var error in answer["errors"]?.AsArray() ?? [])
                {
                    var code = error!["extensions"]?["code"]?.GetValue<string>();
                    Assert.False(string.IsNullOrEmpty(code), $"case {i}: an error without a code for {query}\n{text}");
                    Assert.NotEqual("INTERNAL_SERVER_ERROR", code);
                    tally[code!] = tally.GetValueOrDefault(code!) + 1;
                }
                if (answer["errors"] is null)
                {
                    tally["ok"] = tally.GetValueOrDefault("ok") + 1;
                }
            }
        }
        output.WriteLine(string.Join(", ", tally.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value}")));

        using var health = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Query", (await client.PostAsync("{ __typename }")).Data!["__typename"]!.GetValue<string>());
    }

    private static string Mutate(string query, Random random)
    {
        var text = new StringBuilder(query);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text.Remove(at, Math.Min(1 + random.Next(8), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    var length = Math.Min(1 + random.Next(40), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
                case 3:
                    text.Length = at;
                    break;
                case 4:
                    text[at] = (char)random.Next(32, 127);
                    break;
                default:
                    var digits = text.ToString().IndexOfAny("0123456789".ToCharArray(), at);
                    if (digits >= 0)
                    {
                        text.Insert(digits, random.Next(3) switch { 0 => "-", 1 => "999999999", _ => "0." });
                    }
                    break;
            }
        }
        return text.ToString();
    }

    private static JsonObject RandomVariables(Random random) => random.Next(4) switch
    {
        0 => new JsonObject { ["r"] = "64", ["y"] = 2021 },
        1 => new JsonObject { ["r"] = random.Next(2) == 0 ? null : "x", ["y"] = "2021" },
        2 => new JsonObject { ["r"] = new JsonArray(1, 2), ["y"] = 1e300 },
        _ => new JsonObject { ["unexpected"] = new JsonObject { ["deep"] = true } },
    };
}
