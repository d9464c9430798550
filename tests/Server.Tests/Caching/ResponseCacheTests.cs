using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Caching;

/// <summary>A server of its own, since these tests write into its warehouse.</summary>
public sealed class WritableServerFactory : KencanaServerFactory
{
    /// <summary>
    /// Adds a value under a new data version in the running server's warehouse, as a write through the server will.
    /// (The importer itself cannot run inside the serving process yet: its settings and file reads are locked out there.)
    /// </summary>
    public void AddValueInNewVersion(string indicator, string region, int year, double value, string source)
    {
        using var connection = Services.GetRequiredService<WarehouseDatabase>().OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            BEGIN;
            INSERT INTO data_versions SELECT max(version) + 1, now()::TIMESTAMP, 'test', 'a write while serving', NULL, NULL, 1, 0, 0 FROM data_versions;
            INSERT INTO observations (indicator_code, region_code, year, period, value, source_id, is_preferred, is_default, is_synthetic, data_version, region_key)
                SELECT '{indicator}', '{region}', {year}, 'YEAR', {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, '{source}', false, true, false, max(version),
                       {RegionCode.Parse(region).Key} FROM data_versions;
            COMMIT;
            """;
        command.ExecuteNonQuery();
        Services.GetRequiredService<WarehouseDatabase>().DataVersionAdvanced();
    }
}

public class ResponseCacheTests(WritableServerFactory server) : IClassFixture<WritableServerFactory>
{
    private readonly HttpClient _client = server.CreateClient();

    private const string Bontang = "{ series(indicator: \"MCPR\", region: \"64.74\") { points { year period value source { id } } } }";

    [Fact]
    public async Task A_repeated_request_is_answered_from_memory_with_the_same_body()
    {
        const string Query = "{ regions(parentCode: \"64\") { code name childCount } }";
        using var first = await SendAsync(Query);
        using var second = await SendAsync(Query);

        Assert.Equal("miss", Header(first, "X-Kencana-Cache"));
        Assert.Equal("hit", Header(second, "X-Kencana-Cache"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("0", Header(second, "X-Kencana-Sql-Statements")); // the data version is known in memory
    }

    [Fact]
    public async Task New_data_is_never_answered_from_the_cache_of_an_older_version()
    {
        using var before = await SendAsync(Bontang);
        using var cached = await SendAsync(Bontang);
        Assert.Equal("hit", Header(cached, "X-Kencana-Cache"));
        Assert.DoesNotContain("\"year\":2030", await cached.Content.ReadAsStringAsync());

        server.AddValueInNewVersion("MCPR", "64.74", 2030, 70.5, "SEED_BONTANG_2024");

        using var after = await SendAsync(Bontang);
        Assert.Equal("miss", Header(after, "X-Kencana-Cache"));
        Assert.Contains("\"year\":2030", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_provincial_aggregate_counts_a_new_value_at_once_and_the_pre_aggregates_catch_up()
    {
        const string Query = "{ aggregate(where: { indicators: [\"MCPR\"], ancestorCode: \"64\" }, groupBy: [YEAR]) { year count mean } }";
        var preAggregates = server.Services.GetRequiredService<Kencana.Warehouse.Aggregation.PreAggregates>();
        await preAggregates.BuildInBackground();
        using var before = await SendAsync(Query);
        var hits = preAggregates.Hits;
        Assert.True(hits > 0, "the pre-aggregates answered");
        Assert.DoesNotContain("\"year\":2031", await before.Content.ReadAsStringAsync());

        server.AddValueInNewVersion("MCPR", "64.74", 2031, 71.5, "SEED_BONTANG_2024");

        using var after = await SendAsync(Query);
        Assert.Equal("miss", Header(after, "X-Kencana-Cache"));
        Assert.Contains("{\"year\":2031,\"count\":1,\"mean\":71.5}", await after.Content.ReadAsStringAsync());
        Assert.Equal(hits, preAggregates.Hits); // the older version's table was not asked

        await preAggregates.BuildInBackground();
        using var rebuilt = await SendAsync(Query.Replace("count mean", "mean count", StringComparison.Ordinal)); // another text, so not the cached answer
        Assert.Contains("{\"year\":2031,\"mean\":71.5,\"count\":1}", await rebuilt.Content.ReadAsStringAsync());
        Assert.Equal(hits + 1, preAggregates.Hits);
    }

    [Fact]
    public async Task Answers_with_errors_are_not_kept()
    {
        const string Query = "{ region(code: \"6474\") { name } }";
        using var first = await SendAsync(Query);
        using var second = await SendAsync(Query);
        Assert.False(second.Headers.Contains("X-Kencana-Cache"));
    }

    private Task<HttpResponseMessage> SendAsync(string query) =>
        _client.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
