using System.Net;
using System.Text;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

[Collection(ServerGroup.Name)]
public class CsvExportTests(KencanaServerFactory server)
{
    private const string Filter = "indicator=STUNTING,UNMET_NEED,KAMPUNG_KB_FACILITATED&ancestor=0";
    private const string Order = "indicator, region_code, year, period, source_id";
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Rfc4180_csv_has_a_header_crlf_lines_and_reads_back_in_DuckDB_as_the_Parquet_does()
    {
        using var parquet = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.parquet?{Filter}");
        using var csv = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.csv?{Filter}");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csv.Response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("observations.csv", csv.Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var text = Encoding.UTF8.GetString(csv.Body);
        Assert.NotEqual(0xEF, csv.Body[0]); // no byte-order mark
        Assert.StartsWith("indicator,region_code,region_name,level,parent_code,province_code,year,period,period_start,value,unit,", text);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(parquet.ReadWithDuckDB().Count + 1, lines.Length);

        // DuckDB reads the CSV with the Parquet's own column types, and gets the same rows.
        var columns = "{" + string.Join(", ", parquet.DescribeWithDuckDB().Select(c => $"'{c.Key}': '{c.Value}'")) + "}";
        Assert.Equal(
            parquet.ReadWithDuckDB(orderBy: Order),
            csv.ReadWithDuckDB($"header = true, delim = ',', quote = '\"', columns = {columns}", Order));
    }

    [Fact]
    public async Task The_excel_id_dialect_has_semicolons_decimal_commas_and_a_BOM_and_still_reads_back()
    {
        using var parquet = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.parquet?{Filter}");
        using var csv = await ExportDownload.GetAsync(_client, $"/api/v1/export/observations.csv?{Filter}&dialect=excel-id");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Body[..3]);
        var text = Encoding.UTF8.GetString(csv.Body.AsSpan(3));
        Assert.StartsWith("indicator;region_code;region_name;level;", text);
        // Kutai Barat 2024: 27.6 from S29, written the Indonesian way, its codes as Excel text formulas.
        Assert.Contains(""""STUNTING;"=""64.07""";Kabupaten Kutai Barat;regency;"=""64""";"=""64""";2024;YEAR;2024-01-01;27,6;percent;;;S29;false;false;"""", text);

        var columns = "{" + string.Join(", ", parquet.DescribeWithDuckDB().Select(c => $"'{c.Key}': '{c.Value}'")) + "}";
        var read = csv.ReadWithDuckDB($"header = true, delim = ';', decimal_separator = ',', columns = {columns}", Order);
        foreach (var row in read)
        {
            foreach (var code in new[] { "region_code", "parent_code", "province_code" })
            {
                if (row[code] is string formula)
                {
                    Assert.StartsWith("=\"", formula, StringComparison.Ordinal);
                    row[code] = formula[2..^1];
                }
            }
        }
        Assert.Equal(parquet.ReadWithDuckDB(orderBy: Order), read);
    }

    [Fact]
    public async Task An_export_with_no_matching_rows_is_just_the_header()
    {
        using var csv = await ExportDownload.GetAsync(_client, "/api/v1/export/observations.csv?indicator=STUNTING&fromYear=1990&toYear=1991");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Single(Encoding.UTF8.GetString(csv.Body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
