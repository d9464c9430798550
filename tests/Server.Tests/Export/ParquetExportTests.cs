using System.Globalization;
using System.Net;
using System.Text;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.Export;

[Collection(ServerGroup.Name)]
public class ParquetExportTests(KencanaServerFactory server)
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Stunting_for_all_regions_read_back_by_DuckDB_equals_the_GraphQL_series()
    {
        using var export = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.parquet?indicator=STUNTING");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Equal("application/vnd.apache.parquet", export.Response.Content.Headers.ContentType?.MediaType);
        var rows = export.ReadWithDuckDB();

        // Every region with a STUNTING value, straight from the warehouse; the export must cover exactly these.
        List<string> regions;
        using (var connection = new WarehouseDatabase(server.WarehousePath).OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT region_code FROM observations WHERE indicator_code = 'STUNTING' ORDER BY 1";
            using var reader = command.ExecuteReader();
            regions = [];
            while (reader.Read())
            {
                regions.Add(reader.GetString(0));
            }
        }
        Assert.True(regions.Count >= 10, $"the seed has STUNTING for {regions.Count} regions");
        Assert.Equal(regions, rows.Select(r => (string)r["region_code"]!).Distinct().Order(StringComparer.Ordinal));

        // One GraphQL request, one aliased series per region.
        var query = new StringBuilder("{");
        for (var i = 0; i < regions.Count; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $" r{i}: series(indicator: \"STUNTING\", region: \"{regions[i]}\") {{ points {{ year period value isPreferred source {{ id }} }} }}");
        }
        var graphql = await _client.PostAsync(query.Append(" }").ToString());
        Assert.Null(graphql.Errors);
        for (var i = 0; i < regions.Count; i++)
        {
            var expected = graphql.Data![$"r{i}"]!["points"]!.AsArray()
                .Select(p => $"{p!["year"]} {p["period"]} {p["value"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)} {p["isPreferred"]} {p["source"]!["id"]}".ToLowerInvariant())
                .Order(StringComparer.Ordinal);
            var actual = rows.Where(r => (string)r["region_code"]! == regions[i])
                .Select(r => $"{r["year"]} {r["period"]} {((double)r["value"]!).ToString("R", CultureInfo.InvariantCulture)} {r["is_default"]} {r["source_id"]}".ToLowerInvariant())
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task A_second_request_with_the_ETag_gets_304_without_a_body()
    {
        const string url = "/api/v1/export/observations.parquet?indicator=STUNTING";
        using var first = await ExportDownload.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.StartsWith("W/\"v", first.ETag);
        Assert.True(first.Response.Headers.CacheControl!.NoCache);
        Assert.True(first.Response.Headers.CacheControl.Public);

        using var second = await ExportDownload.GetAsync(_client, url, ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.Status);
        Assert.Empty(second.Body);
        Assert.Equal(first.ETag, second.ETag);

        using var star = await ExportDownload.GetAsync(_client, url, ifNoneMatch: "*");
        Assert.Equal(HttpStatusCode.NotModified, star.Status);

        // The same filters spelled differently are the same request; other filters or formats are not.
        using var reordered = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.parquet?Indicator=stunting,STUNTING", ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, reordered.Status);
        using var narrower = await ExportDownload.GetAsync(_client, url + "&level=province", ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.OK, narrower.Status);
        Assert.NotEqual(first.ETag, narrower.ETag);
        using var csv = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.csv?indicator=STUNTING", ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.OK, csv.Status);
    }

    [Fact]
    public async Task Parquet_keeps_the_column_types()
    {
        using var export = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.parquet?indicator=STUNTING&region=64.07");
        var types = export.DescribeWithDuckDB();
        Assert.Equal("SMALLINT", types["year"]);
        Assert.Equal("DATE", types["period_start"]);
        Assert.Equal("DOUBLE", types["value"]);
        Assert.Equal("DOUBLE", types["denominator"]);
        Assert.Equal("BOOLEAN", types["is_default"]);
        Assert.Equal("INTEGER", types["data_version"]);
        Assert.Equal("VARCHAR", types["region_name"]);

        var rows = export.ReadWithDuckDB(orderBy: "year, source_id");
        Assert.Equal(3, rows.Count);
        Assert.Equal(new DateOnly(2021, 1, 1), rows[0]["period_start"] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)rows[0]["period_start"]!));
        Assert.Equal(27.6, rows[2]["value"]);
        Assert.Equal("Kabupaten Kutai Barat", rows[2]["region_name"]);
    }

    [Fact]
    public async Task Every_dataset_has_the_columns_and_types_its_catalogue_entry_declares()
    {
        var catalog = System.Text.Json.Nodes.JsonNode.Parse(await _client.GetStringAsync("/api/v1/export"))!;
        var duckTypes = new Dictionary<string, string>
        {
            ["string"] = "VARCHAR",
            ["int16"] = "SMALLINT",
            ["int32"] = "INTEGER",
            ["int64"] = "BIGINT",
            ["double"] = "DOUBLE",
            ["boolean"] = "BOOLEAN",
            ["date"] = "DATE",
        };
        foreach (var dataset in catalog["datasets"]!.AsArray())
        {
            var name = dataset!["name"]!.GetValue<string>();
            // The computed datasets forecast named regions only, and outlooks judge one target year.
            var scope = name switch { "forecasts" => "&parent=64", "outlooks" => "&parent=64&targetYear=2029", _ => "" };
            using var export = await ExportDownload.GetAsync(_client, $"/api/v1/export/{name}.parquet?indicator=STUNTING{scope}");
            Assert.Equal(HttpStatusCode.OK, export.Status);
            var declared = dataset["columns"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), duckTypes[c["type"]!.GetValue<string>()])).ToList();
            Assert.Equal(declared, export.DescribeWithDuckDB().Select(kv => (kv.Key, kv.Value)).ToList());
        }
    }

    [Fact]
    public async Task A_temporary_file_gives_the_same_Parquet_as_the_pipe()
    {
        const string url = "/api/v1/export/observations.parquet?indicator=STUNTING,MCPR&fromYear=2021";
        using var viaPipe = await ExportDownload.GetAsync(_client, url);
        // The server's DuckDB writes files only inside its export directory, so the other directory lies within it.
        var temp = Path.Combine(server.Services.GetRequiredService<ExportOptions>().ResolveTempDirectory(), $"file-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            using var fileServer = server.WithWebHostBuilder(b => b
                .UseSetting("Export:ParquetThroughPipe", "false")
                .UseSetting("Export:TempDirectory", temp));
            using var viaFile = await ExportDownload.GetAsync(fileServer.CreateClient(), url);
            Assert.Equal(HttpStatusCode.OK, viaFile.Status);
            var order = "indicator, region_code, year, period, source_id";
            Assert.Equal(viaPipe.ReadWithDuckDB(orderBy: order), viaFile.ReadWithDuckDB(orderBy: order));
            Assert.Empty(Directory.GetFiles(temp)); // streamed, then deleted
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task Small_exports_requested_together_all_arrive_whole()
    {
        // A COPY into the pipe can finish before the task that opened the pipe's read end does; that once threw the
        // export away as failed (a 500 now and then under load).
        const string url = "/api/v1/export/observations.parquet?indicator=STUNTING&parent=64";
        var downloads = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            using var response = await _client.GetAsync(url);
            return (response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync());
        }));
        Assert.All(downloads, d =>
        {
            Assert.Equal(HttpStatusCode.OK, d.StatusCode);
            Assert.Equal("PAR1"u8.ToArray(), d.Body[..4]);
            Assert.Equal("PAR1"u8.ToArray(), d.Body[^4..]);
        });
    }
}
