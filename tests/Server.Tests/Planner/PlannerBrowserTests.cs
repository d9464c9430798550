using System.Globalization;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kencana.Server.Tests.Planner;

/// <summary>
/// A planner's visit in headless Chromium: /planner from the seed alone, drilled from the nation to Kalimantan Timur
/// to Kota Bontang by clicking, as a person would; the numbers drawn are checked against the GraphQL API.
/// </summary>
[Collection(LiveServerGroup.Name)]
public class PlannerBrowserTests(LiveServerFactory server, ITestOutputHelper output)
{
    private static readonly string[] IntervalFields = ["value", "lower80", "upper80", "lower95", "upper95"];

    [Fact]
    public async Task A_planner_drills_from_the_nation_to_Kota_Bontang_and_sees_map_ranking_forecast_fan_and_scorecard_in_Indonesian()
    {
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "planner");
        var (exit, stdout, stderr) = await NodeTools.RunAsync("planner.mjs", TimeSpan.FromMinutes(4), server.BaseUrl, Chromium.Path, screenshots);
        Assert.True(exit == 0, $"the browser run failed: {stderr}");
        foreach (var file in Directory.GetFiles(screenshots))
        {
            output.WriteLine($"saved: {file}");
        }
        var report = JsonNode.Parse(stdout)!;

        // Nothing from outside this server, nothing broken.
        Assert.Empty(report["external"]!.AsArray());
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Empty(report["failed"]!.AsArray());

        // The nation: Indonesian, though the browser asked for English; 38 provinces on the map, coloured where they have a value.
        var nation = report["nation"]!;
        Assert.Equal("id", Text(nation["lang"]));
        Assert.Equal("Ruang kerja perencana", Text(nation["title"]));
        Assert.Equal(38, nation["mapFeatures"]!.GetValue<int>());
        Assert.Equal(38, nation["mapData"]!.GetValue<int>());
        Assert.Equal(38, nation["mapTable"]!.AsArray().Count);
        Assert.Equal(34, nation["mapColoured"]!.GetValue<int>()); // SSGI 2022 predates the four new Papua provinces
        Assert.Contains("CC BY 4.0", Text(nation["attribution"]));
        var kaltim = nation["mapTable"]!.AsArray().Single(r => Text(r!["code"]) == "64")!["cells"]!.AsArray();
        Assert.Equal(["64", "Kalimantan Timur", "23,9%", "21,0%", "Belum tercapai"], kaltim.Select(Text));

        // Kalimantan Timur: its kabupaten/kota ranked against their targets.
        var province = report["province"]!;
        Assert.Equal("Indonesia › Kalimantan Timur", Text(province["breadcrumb"]));
        Assert.StartsWith("Peringkat kabupaten/kota di Kalimantan Timur", Text(province["rankingTitle"]));
        Assert.Contains("Kota Bontang", province["rankingBars"]!.AsArray().Select(Text));

        // Kota Bontang: the ranking among its peers, the forecast fan with its target line, the scorecard.
        var city = report["city"]!;
        Assert.Equal("Indonesia › Kalimantan Timur › Kota Bontang", Text(city["breadcrumb"]));
        Assert.Contains(city["rankingTable"]!.AsArray(), r => Text(r!["code"]) == "64.74");
        Assert.Contains("target", city["forecastChart"]!["markLines"]!.AsArray().Select(Text));
        Assert.Contains("Metode: hierarkis", Text(city["forecastWords"]));
        Assert.Contains("Keandalan:", Text(city["forecastWords"]));
        Assert.Contains("peluang mencapainya", Text(city["forecastWords"]));
        Assert.Equal("Kartu capaian IKU: Kota Bontang, 2022", Text(city["scorecardTitle"]));
        Assert.Contains(city["scorecardTable"]!.AsArray(), r => Text(r!["indicator"]) == "STUNTING" && r["cells"]!.AsArray().Select(Text).Contains("Tercapai"));

        // The chart and its table show the API's numbers.
        var api = await ForecastAsync("STUNTING", "64.74", 2029);
        var forecastRows = city["forecastTable"]!.AsArray().Where(r => Text(r!["kind"]) == "forecast").ToArray();
        var points = api["points"]!.AsArray();
        Assert.Equal(points.Count, forecastRows.Length);
        foreach (var (point, row) in points.Zip(forecastRows))
        {
            var year = point!["year"]!.GetValue<int>();
            var cells = row!["cells"]!.AsArray().Select(Text).ToArray();
            Assert.Equal(year.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(
                IntervalFields.Select(f => point[f]!.GetValue<double>()),
                cells[3..8].Select(ParseIndonesian));
            Assert.Equal(point["value"]!.GetValue<double>(), city["forecastChart"]!["projection"]![year.ToString(CultureInfo.InvariantCulture)]!.GetValue<double>());
        }
        var observed = city["forecastTable"]!.AsArray().Where(r => Text(r!["kind"]) == "observed").Select(r => Text(r!["year"])).ToArray();
        Assert.Equal(["2021", "2022", "2024"], observed);
        Assert.Equal(21.0, city["forecastChart"]!["observed"]!["2022"]!.GetValue<double>());

        // Printed: A4 pages.
        var pdf = report["pdf"]!;
        Assert.InRange(pdf["pages"]!.GetValue<int>(), 2, 12);
        Assert.All(pdf["mediaBoxes"]!.AsArray(), box => Assert.InRange(box![1]!.GetValue<double>() / box[0]!.GetValue<double>(), 1.40, 1.43));

        // The English switch keeps the choices.
        var english = report["english"]!;
        Assert.Equal("en", Text(english["lang"]));
        Assert.Equal("Planner's workspace", Text(english["title"]));
        Assert.Contains("Method: hierarchical", Text(english["forecastWords"]));
        Assert.Contains("region=64.74", Text(report["url"]));
    }

    private async Task<JsonNode> ForecastAsync(string indicator, string region, int targetYear)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var response = await client.PostAsync(
            "query($i: String!, $r: String!, $y: Int!) { forecast(indicator: $i, region: $r, targetYear: $y) { points { year value lower80 upper80 lower95 upper95 } } }",
            new { i = indicator, r = region, y = targetYear });
        Assert.Null(response.Errors);
        return response.Data!["forecast"]!;
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>Reads 1.234,5% as Indonesians write it.</summary>
    private static double ParseIndonesian(string text) =>
        double.Parse(text.TrimEnd('%').Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), CultureInfo.InvariantCulture);
}
