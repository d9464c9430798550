using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>
/// Region codes such as 64.02 read back as text, not numbers, in the readers BI users and researchers run: DuckDB
/// (its Node.js client), pandas and R readr (Debian's), apache-arrow. Every code of the export is numeric-looking
/// (the kabupaten/kota of Kalimantan Timur and their parent 64), the case in which a reader guesses a number.
/// </summary>
/// <remarks>In the live server collection, beside the browser test: R and pandas are apt-get installed on first use,
/// and the collection runs one test at a time.</remarks>
[Collection(LiveServerGroup.Name)]
public sealed class RegionCodeReaderTests(LiveServerFactory server) : IDisposable
{
    private const string Filter = "indicator=STUNTING&parent=64";
    private static readonly string[] Expected = ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"];
    private readonly HttpClient _client = new() { BaseAddress = new Uri(server.BaseUrl) };

    [Fact]
    public async Task Parquet_in_DuckDB_and_Arrow_in_apache_arrow_carry_region_codes_as_strings()
    {
        using var parquet = await DownloadAsync("observations.parquet");
        var read = await QueryDuckDBAsync(
            $"SELECT region_code, parent_code, province_code FROM read_parquet('{parquet.Path}') ORDER BY region_code");
        Assert.All(read.Types, t => Assert.Equal("VARCHAR", t));
        AssertCodes(read.Column(0));
        Assert.All(read.Column(1).Concat(read.Column(2)), c => Assert.Equal("64", c));

        using var arrow = await DownloadAsync("observations.arrow");
        var table = await ArrowExportTests.ReadWithNodeAsync(arrow.Path, 100);
        var types = table["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["type"]!.GetValue<string>());
        Assert.Equal(("Utf8", "Utf8", "Utf8"), (types["region_code"], types["parent_code"], types["province_code"]));
        AssertCodes(table["rows"]!.AsArray().Select(r => r!["region_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_default_CSV_writes_codes_as_they_are_and_DuckDB_reads_them_as_text_with_the_catalogue_recipe()
    {
        using var csv = await DownloadAsync("observations.csv");
        var text = Encoding.UTF8.GetString(csv.Body);
        Assert.Contains("STUNTING,64.02,Kabupaten Kutai Kartanegara,regency,64,64,", text, StringComparison.Ordinal);

        var read = await QueryDuckDBAsync($"SELECT region_code, parent_code, province_code FROM ({await RecipeAsync("duckdb", csv.Path)}) ORDER BY 1");
        Assert.All(read.Types, t => Assert.Equal("VARCHAR", t));
        AssertCodes(read.Column(0));
        Assert.All(read.Column(1), c => Assert.Equal("64", c));
    }

    [Fact]
    public async Task pandas_reads_region_codes_as_text_with_the_catalogue_recipe()
    {
        using var csv = await DownloadAsync("observations.csv");
        var recipe = await RecipeAsync("pandas", csv.Path);
        var (exitCode, output, error) = await DebianReaders.RunPythonAsync(recipe + """

            for column in ["region_code", "parent_code", "province_code"]:
                print(column, df[column].dtype, all(isinstance(v, str) for v in df[column]))
            print("codes", ",".join(sorted(set(df["region_code"]))))
            print("types", df["year"].dtype, df["value"].dtype, df["is_default"].dtype, df["period_start"].dtype)
            """);
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["region_code object True", "parent_code object True", "province_code object True"], lines[..3]);
        Assert.Equal("codes " + string.Join(',', Expected), lines[3]);
        Assert.Equal("types Int16 float64 boolean datetime64[ns]", lines[4]);
    }

    [Fact]
    public async Task R_readr_reads_region_codes_as_text_with_the_catalogue_recipe()
    {
        using var csv = await DownloadAsync("observations.csv");
        var recipe = await RecipeAsync("readr", csv.Path);
        var (exitCode, output, error) = await DebianReaders.RunRAsync(recipe + """

            cat("classes", class(df$region_code), class(df$parent_code), class(df$province_code), "\n")
            cat("codes", paste(sort(unique(df$region_code)), collapse = ","), "\n")
            cat("parents", unique(df$parent_code), "\n")
            cat("types", class(df$year), class(df$value), class(df$is_default), class(df$period_start), "\n")
            """);
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["classes character character character", "codes " + string.Join(',', Expected), "parents 64", "types integer numeric logical Date"], lines);
    }

    [Fact]
    public async Task The_excel_id_CSV_writes_codes_as_Excel_text_formulas_that_no_reader_takes_for_numbers()
    {
        using var csv = await DownloadAsync("observations.csv", "&dialect=excel-id");
        var text = Encoding.UTF8.GetString(csv.Body);
        Assert.Contains(""""STUNTING;"=""64.02""";Kabupaten Kutai Kartanegara;regency;"=""64""";"=""64""";"""", text, StringComparison.Ordinal);

        // R's read_csv2 (decimal comma, dot as grouping mark) read the plain code 64.02 as 6402, BPS's code for Kutai Barat.
        var (exitCode, output, error) = await DebianReaders.RunRAsync($"""
            df <- readr::read_csv2("{csv.Path}", show_col_types = FALSE)
            cat("class", class(df$region_code), class(df$parent_code), "\n")
            cat("codes", paste(sort(unique(df$region_code)), collapse = ","), "\n")
            """);
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("class character character", lines[0]);
        Assert.Equal("codes " + string.Join(',', Expected.Select(c => $"=\"{c}\"")), lines[1]);

        var python = await DebianReaders.RunPythonAsync($"""
            import pandas as pd
            df = pd.read_csv("{csv.Path}", sep=";", decimal=",")
            print(df["region_code"].dtype, ",".join(sorted(set(df["region_code"]))))
            """);
        Assert.True(python.ExitCode == 0, python.Error);
        Assert.Equal("object " + string.Join(',', Expected.Select(c => $"=\"{c}\"")), python.Output.Trim());

        var duck = await QueryDuckDBAsync($"SELECT DISTINCT region_code, parent_code FROM read_csv('{csv.Path}') ORDER BY 1");
        Assert.All(duck.Types, t => Assert.Equal("VARCHAR", t));
        Assert.Equal(Expected.Select(c => $"=\"{c}\""), duck.Column(0));
    }

    private static void AssertCodes(IEnumerable<string?> codes) => Assert.Equal(Expected, codes.Distinct().Order(StringComparer.Ordinal));

    private async Task<ExportDownload> DownloadAsync(string file, string extra = "")
    {
        var download = await ExportDownload.GetAsync(_client, $"/api/v1/export/{file}?{Filter}{extra}");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        return download;
    }

    /// <summary>The catalogue's recipe for a reader, reading the local file in place of the URL.</summary>
    private async Task<string> RecipeAsync(string reader, string path)
    {
        var catalog = JsonNode.Parse(await _client.GetStringAsync("/api/v1/export"))!;
        var observations = catalog["datasets"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "observations")!;
        var recipe = observations["readCsv"]![reader]!.GetValue<string>();
        var url = $"{server.BaseUrl}/api/v1/export/observations.csv?indicator=STUNTING";
        Assert.Contains(url, recipe, StringComparison.Ordinal);
        return recipe.Replace(url, path, StringComparison.Ordinal);
    }

    private static async Task<DuckDBResult> QueryDuckDBAsync(string sql)
    {
        var (exitCode, output, error) = await NodeTools.RunAsync("query-duckdb.mjs", TimeSpan.FromMinutes(1), sql);
        Assert.True(exitCode == 0, error);
        var json = JsonNode.Parse(output)!;
        return new DuckDBResult(
            [.. json["columns"]!.AsArray().Select(c => c!["type"]!.GetValue<string>())],
            [.. json["rows"]!.AsArray().Select(r => r!.AsArray().Select(v => v?.GetValue<string>()).ToArray())]);
    }

    public void Dispose() => _client.Dispose();

    private sealed record DuckDBResult(string[] Types, string?[][] Rows)
    {
        public IEnumerable<string?> Column(int index) => Rows.Select(r => r[index]);
    }
}
