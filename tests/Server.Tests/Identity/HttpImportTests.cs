using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kencana.Server.Identity;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Identity;

/// <summary><c>POST /api/v1/imports</c>: data stewards import CSV into the running server, all or nothing, in turn.</summary>
[Collection(AuthServerGroup.Name)]
public class HttpImportTests(AuthServerFactory server)
{
    private static readonly string[] ConcurrentRegions = ["64.71", "64.72", "64.74"];

    [Fact]
    public async Task A_data_steward_imports_a_csv_while_the_server_answers_and_gets_the_new_data_version()
    {
        using var steward = server.ClientWithKey(Roles.DataSteward);
        var before = await DataVersion(steward);

        using var response = await steward.PostAsync("/api/v1/imports?name=siga-bontang.csv", Csv("""
            indicator,region_code,year,period,value,source_id
            UNMET_NEED,64.74,2019,YEAR,16.4,SEED_BONTANG_2024
            """));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(1, body["rowsAdded"]!.GetValue<long>());
        var version = body["dataVersion"]!.GetValue<int>();
        Assert.True(version > before);
        Assert.Equal(version, await DataVersion(steward));
        var series = await steward.PostAsync("""{ series(indicator: "UNMET_NEED", region: "64.74") { points { year value } } }""");
        Assert.Contains(series.Data!["series"]!["points"]!.AsArray(), p => p!["year"]!.GetValue<int>() == 2019 && p["value"]!.GetValue<double>() == 16.4);

        using var admin = server.ClientWithKey(Roles.Admin);
        var audit = await admin.PostAsync("""{ auditTrail(action: "import") { actor fileName fileSha256 rows dataVersion } }""");
        var entry = Assert.Single(audit.Data!["auditTrail"]!.AsArray(), e => e!["fileName"]!.GetValue<string>() == "siga-bontang.csv")!;
        Assert.Equal(version, entry["dataVersion"]!.GetValue<int>());
        Assert.Equal(1, entry["rows"]!.GetValue<long>());
        Assert.Equal(64, entry["fileSha256"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task A_parquet_body_is_imported_too()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kencana-import-test-{Guid.NewGuid():N}.parquet");
        try
        {
            using (var duckdb = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
            {
                duckdb.Open();
                using var command = duckdb.CreateCommand();
                command.CommandText = $"""
                    COPY (SELECT 'UNMET_NEED' AS indicator, '64.71' AS region_code, 2016 AS year, 'YEAR' AS period, 12.25 AS value, 'SEED_BONTANG_2024' AS source_id)
                    TO '{file}' (FORMAT parquet)
                    """;
                command.ExecuteNonQuery();
            }
            using var steward = server.ClientWithKey(Roles.DataSteward);
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.apache.parquet");

            using var response = await steward.PostAsync("/api/v1/imports?name=balikpapan.parquet", content);

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
            Assert.Equal("observations", body["files"]![0]!["kind"]!.GetValue<string>());
            Assert.Equal(1, body["rowsAdded"]!.GetValue<long>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_bad_file_changes_nothing_and_gets_line_level_errors_as_a_problem()
    {
        using var steward = server.ClientWithKey(Roles.DataSteward);
        var before = await DataVersion(steward);

        using var response = await steward.PostAsync("/api/v1/imports?name=bad-siga.csv", Csv("""
            indicator,region_code,year,period,value,source_id
            MCPR,6474,2024,YEAR,60,SEED_BONTANG_2024
            MCPR,64.74,2024,S3,60,SEED_BONTANG_2024
            MCPR,64.74,2024,YEAR,101,SEED_BONTANG_2024
            """));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, problem["totalErrors"]!.GetValue<long>());
        var errors = problem["errors"]!.AsArray();
        Assert.Equal([2L, 3L, 4L], errors.Select(e => e!["line"]!.GetValue<long>()));
        Assert.Contains("Kemendagri code is 64.74", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DataVersion(steward));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Planner, HttpStatusCode.Forbidden)]
    public async Task Anyone_but_a_data_steward_or_admin_is_refused_and_nothing_changes(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? server.CreateClient() : server.ClientWithKey(role, role == Roles.Planner ? ["64"] : []);
        var before = await DataVersion(client);

        using var response = await client.PostAsync("/api/v1/imports", Csv("""
            indicator,region_code,year,period,value,source_id
            UNMET_NEED,64.74,2018,YEAR,17.0,SEED_BONTANG_2024
            """));

        Assert.Equal(expected, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("data-steward or admin", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DataVersion(client));
    }

    [Fact]
    public async Task Concurrent_imports_take_turns_and_both_succeed_with_their_own_data_versions()
    {
        using var steward = server.ClientWithKey(Roles.DataSteward);
        var imports = ConcurrentRegions.Select(async (region, i) =>
        {
            using var response = await steward.PostAsync($"/api/v1/imports?name=concurrent-{i}.csv", Csv($"""
                indicator,region_code,year,period,value,source_id
                UNMET_NEED,{region},2017,YEAR,1{i}.5,SEED_BONTANG_2024
                """));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            return JsonNode.Parse(body)!["dataVersion"]!.GetValue<int>();
        }).ToList();

        var versions = await Task.WhenAll(imports);

        Assert.Equal(3, versions.Distinct().Count());
    }

    private static StringContent Csv(string text) => new(text + "\n", Encoding.UTF8, "text/csv");

    private static async Task<int> DataVersion(HttpClient client)
    {
        var response = await client.PostAsync("{ dataVersion { number } }");
        return response.Data!["dataVersion"]!["number"]!.GetValue<int>();
    }
}
