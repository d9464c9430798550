using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Synthetic;

namespace Kencana.Server.Tests.Robustness;

/// <summary>
/// SIGTERM to a real server process while it works through a long request: the request is interrupted and answered,
/// and the process exits, instead of the shutdown waiting on DuckDB. (The in-memory test host disposes its services
/// under a running request on stop, which a real host does not, so this needs the real process.)
/// </summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kencana-shutdown-tests-").FullName;

    [Fact]
    public async Task Sigterm_interrupts_a_long_request_and_the_server_exits()
    {
        var warehouse = Path.Combine(_directory, "panel.duckdb");
        PanelGenerator.Generate(new GeneratorOptions(RegionLevel.Village, 2024, 2024, Granularity.Year, Seed: 1, warehouse, ["STUNTING"]),
            Path.Combine(AppContext.BaseDirectory, "seed"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Kencana.Server.dll"), "--warehouse", warehouse, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Flight__Enabled"] = "false";
        start.Environment["GraphQL__TimeoutSeconds"] = "120";
        start.Environment["GraphQL__ResponseCache__Enabled"] = "false";
        using var server = Process.Start(start)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitUntilLiveAsync(client);

            const string Heavy = "{ aggregate(where: { indicators: [\"STUNTING\"], levels: [VILLAGE] }, groupBy: [REGION], orderBy: MEDIAN, first: 1000) { count median p25 p75 stdDev } }";
            var request = client.PostAsJsonAsync("/graphql", Enumerable.Repeat(new { query = Heavy }, 20).ToArray());
            await Task.Delay(TimeSpan.FromSeconds(1)); // the batch is running: twenty operations take several seconds
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }
            using var response = await request;
            var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal("SERVER_STOPPING", results[^1]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(exit.Token);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the shutdown took {clock.Elapsed}");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilLiveAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                using var live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the server did not start within a minute");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp
        }
    }
}
