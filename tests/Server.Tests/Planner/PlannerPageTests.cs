using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Planner;

/// <summary>The planner page over HTTP: its language, its files, and nothing fetched from elsewhere.</summary>
[Collection(ServerGroup.Name)]
public partial class PlannerPageTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_page_is_Indonesian_by_default_even_for_an_English_browser_and_English_with_lang_en()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/planner");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("Ruang kerja perencana", html, StringComparison.Ordinal);

        var english = await _client.GetStringAsync("/planner?lang=en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Planner&#39;s workspace", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/planner?lang=fr")]
    [InlineData("/planner?lang=id&lang=en")]
    public async Task An_unknown_language_is_a_problem_naming_the_parameter(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("lang", problem["parameter"]!.GetValue<string>());
        Assert.Contains("id atau en", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_the_page_loads_comes_from_this_server()
    {
        var html = await _client.GetStringAsync("/planner");
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.DoesNotContain("//", s, StringComparison.Ordinal));
        foreach (var (file, mediaType) in new[]
        {
            ("planner.js", "text/javascript"), ("planner.css", "text/css"), ("echarts.min.js", "text/javascript"), ("provinces.geojson", "application/geo+json"),
        })
        {
            using var response = await _client.GetAsync("/planner/assets/" + file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        }
        var boundaries = JsonNode.Parse(await _client.GetStringAsync("/planner/assets/provinces.geojson"))!;
        var codes = boundaries["features"]!.AsArray().Select(f => f!["properties"]!["KODE_KEMENDAGRI"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(38, codes.Count);
        Assert.Superset(new HashSet<string> { "91", "92", "93", "94", "95", "96" }, codes);
    }

    [Theory]
    [InlineData("/planner/assets/appsettings.json")]
    [InlineData("/planner/assets/..%2Fappsettings.json")]
    [InlineData("/planner/assets/indonesia-38-provinces.geojson")]
    public async Task Only_the_pages_own_files_are_served(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex SourceAttribute();
}
