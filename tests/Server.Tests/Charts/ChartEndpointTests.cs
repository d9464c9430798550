using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Charts;

/// <summary>The chart images through the real HTTP pipeline: valid PNG and SVG of the asked size, 304 by ETag, problems naming the parameter.</summary>
[Collection(ServerGroup.Name)]
public class ChartEndpointTests(KencanaServerFactory server)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly HttpClient _client = server.CreateClient();

    public static TheoryData<string, string> Charts => new()
    {
        { "forecast", "indicator=STUNTING&region=64.74&targetYear=2029" },
        { "achievement", "indicator=STUNTING&parentCode=64&year=2022" },
        { "map", "indicator=STUNTING&year=2022" },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task A_PNG_has_the_asked_size(string chart, string query)
    {
        using var response = await _client.GetAsync($"/api/v1/charts/{chart}.png?{query}&width=640&height=360");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, body[..8]);
        // The first chunk is IHDR: length, type, then width and height as big-endian 32-bit integers.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(body, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(16, 4)));
        Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(20, 4)));
        Assert.Equal("id", response.Content.Headers.ContentLanguage.Single());
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task An_SVG_is_XML_of_the_asked_size_with_its_title_in_the_asked_language(string chart, string query)
    {
        using var response = await _client.GetAsync($"/api/v1/charts/{chart}.svg?{query}&width=900&height=500&lang=en");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(text).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal(900, double.Parse(svg.Attribute("width")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(500, double.Parse(svg.Attribute("height")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task An_unchanged_chart_revalidates_to_304(string chart, string query)
    {
        using var first = await _client.GetAsync($"/api/v1/charts/{chart}.png?{query}&width=300&height=200");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/charts/{chart}.png?{query}&width=300&height=200");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        using var again = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        // Another size is another image.
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/charts/{chart}.png?{query}&width=301&height=200");
        other.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        using var resized = await _client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, resized.StatusCode);
    }

    [Theory]
    [InlineData("map.png?indicator=STUNTING&year=2022&width=199", 400, "width")]
    [InlineData("map.png?indicator=STUNTING&year=2022&width=3001", 400, "width")]
    [InlineData("map.png?indicator=STUNTING&year=2022&height=abc", 400, "height")]
    [InlineData("map.png?indicator=STUNTING&year=2022&height=0000000000000500", 400, "height")]
    [InlineData("map.png?indicator=STUNTING&year=2022&width=500&width=600", 400, "width")]
    [InlineData("map.png?indicator=STUNTING&year=2022&colour=red", 400, "colour")]
    [InlineData("map.png?indicator=STUNTING&year=2022&lang=fr", 400, "lang")]
    [InlineData("map.png?indicator=STUNTING", 400, "year")]
    [InlineData("map.png?indicator=STUNTING&year=1800", 400, "year")]
    [InlineData("map.png?indicator=NOPE&year=2022", 400, "indicator")]
    [InlineData("achievement.png?indicator=STUNTING&parentCode=6402&year=2022", 400, "parentCode")]
    [InlineData("achievement.png?indicator=STUNTING&parentCode=99.99&year=2022", 400, "parentCode")]
    [InlineData("achievement.png?indicator=STUNTING&parentCode=64&year=1999", 404, "year")]
    [InlineData("forecast.png?indicator=STUNTING&targetYear=2029", 400, "region")]
    [InlineData("forecast.png?indicator=STUNTING&region=64.74&targetYear=2010", 400, "targetYear")]
    [InlineData("forecast.svg?indicator=STUNTING&region=64.74&horizon=0", 400, "horizon")]
    [InlineData("forecast.svg?indicator=STUNTING&region=64.01.01", 404, "region")]
    public async Task A_bad_parameter_gets_a_problem_naming_it(string url, int status, string parameter)
    {
        using var response = await _client.GetAsync("/api/v1/charts/" + url);
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, problem["parameter"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("pie.png?indicator=STUNTING")]
    [InlineData("map.gif?indicator=STUNTING&year=2022")]
    public async Task An_unknown_chart_or_format_is_404_with_a_problem(string url)
    {
        using var response = await _client.GetAsync("/api/v1/charts/" + url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Problems_are_Indonesian_by_default_and_English_with_lang_en()
    {
        using var indonesian = await _client.GetAsync("/api/v1/charts/map.png?indicator=STUNTING&year=2022&width=10");
        Assert.Contains("piksel", JsonNode.Parse(await indonesian.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        using var english = await _client.GetAsync("/api/v1/charts/map.png?indicator=STUNTING&year=2022&width=10&lang=en");
        Assert.Contains("pixels", JsonNode.Parse(await english.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
