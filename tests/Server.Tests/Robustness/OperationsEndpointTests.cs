using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kencana.Server.Forecasting;
using Kencana.Server.Operations;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kencana.Server.Tests.Robustness;

/// <summary>What an operator and an orchestrator ask of the server: health, metrics, compressed answers.</summary>
[Collection(ServerGroup.Name)]
public class OperationsEndpointTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Health_reports_the_warehouse_and_the_forecast_models()
    {
        using var live = await _client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", report["checks"]!["warehouse"]!["status"]!.GetValue<string>());
        Assert.NotNull(report["checks"]!["forecast-models"]);
    }

    [Fact]
    public async Task A_start_up_model_that_cannot_be_trained_on_this_data_is_not_reported_as_warming_up()
    {
        // A warehouse of monthly values only (the 87M-row benchmark's) has no whole-year values to train on: readiness
        // that waited for those models would never turn healthy. The seed has no yearly BKL_FACILITATED series either.
        var registry = server.Services.GetRequiredService<ModelRegistry>();
        var check = new ForecastModelsHealthCheck(registry, new ForecastingOptions { WarmIndicators = ["BKL_FACILITATED"] });
        var before = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, before.Status);

        var refused = Assert.Throws<UserInputException>(() => registry.Refresh("BKL_FACILITATED", registry.CurrentDataVersion));

        var after = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Contains("Cannot train: " + refused.Message, after.Description, StringComparison.Ordinal);
        Assert.Equal(["BKL_FACILITATED"], Assert.IsType<string[]>(after.Data["untrainable"]));
    }

    [Fact]
    public async Task Readiness_reports_the_pre_aggregates_and_turns_healthy_once_they_are_built()
    {
        // The server builds them in the background at start; a few seconds for the seed warehouse, even on a busy machine.
        var check = await WaitUntilHealthyAsync("pre-aggregates", whileNot: "being built");

        Assert.Contains("are ready", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_reports_the_upper_levels_and_turns_healthy_once_they_are_held_in_memory()
    {
        // Loaded in the background at start (or when readiness is first asked after a write): well under a second for the seed.
        var check = await WaitUntilHealthyAsync("upper-levels", whileNot: "being loaded");

        Assert.Contains("are held in memory", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Held", check["data"]!["holding"]!.GetValue<string>());
        Assert.True(check["data"]!["rows"]!.GetValue<long>() > 100, check.ToJsonString()); // the seed has 458
    }

    /// <summary>
    /// Asks /health/ready until the named check is Healthy (for up to three minutes), checking that meanwhile it says
    /// <paramref name="whileNot"/>; returns the check's last report.
    /// </summary>
    private async Task<JsonNode> WaitUntilHealthyAsync(string name, string whileNot)
    {
        JsonNode check;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var ready = await _client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            check = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]![name]!;
            if (check["status"]!.GetValue<string>() == "Healthy" || clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                break;
            }
            Assert.Contains(whileNot, check["description"]!.GetValue<string>(), StringComparison.Ordinal);
            await Task.Delay(200);
        }
        Assert.Equal("Healthy", check["status"]!.GetValue<string>());
        return check;
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_format_with_the_graphql_counters()
    {
        await _client.PostAsync("{ indicators { code } }");
        await _client.PostAsync("{ region(code: \"6474\") { name } }");
        // The exporter refreshes its scrape at most once a second or so; ask until the counters appear.
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("INVALID_REGION_CODE"); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 500);
            text = await _client.GetStringAsync("/metrics");
        }
        Assert.Contains("kencana_graphql_operations", text);
        Assert.Contains("error_code=\"INVALID_REGION_CODE\"", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Answers_are_compressed_for_clients_that_accept_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ regions(parentCode: \"64\") { code name } }"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }
}
