using System.Globalization;
using System.Text;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Export;

/// <summary>
/// The CSV export is written by DuckDB's COPY with cells formatted in SQL; the C# batch writer that wrote it before
/// is the reference: the two must agree byte for byte, in both dialects.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class CsvExportTests(SeedWarehouseFixture seed)
{
    private static readonly ExportDatasetRegistry Registry = new([new ObservationsDataset(), new RollupsDataset(), new AchievementDataset()]);

    public static TheoryData<string, CsvExportDialect> SeedTickets() => new()
    {
        { "observations?all=true", CsvExportDialect.Rfc4180 },
        { "observations?all=true", CsvExportDialect.ExcelIndonesia },
        { "rollups?indicator=STUNTING,MCPR,UNMET_NEED", CsvExportDialect.Rfc4180 },
        { "rollups?indicator=STUNTING,MCPR,UNMET_NEED", CsvExportDialect.ExcelIndonesia },
        { "achievement?all=true", CsvExportDialect.Rfc4180 },
        { "achievement?all=true", CsvExportDialect.ExcelIndonesia },
    };

    [Theory]
    [MemberData(nameof(SeedTickets))]
    public async Task DuckDB_writes_the_seed_datasets_as_the_batch_writer_did(string ticket, CsvExportDialect dialect)
    {
        var request = new ExportRequestParser(Registry, seed.Database).ParseTicket(ticket) with { Format = ExportFormat.Csv, Dialect = dialect };

        var (reference, written) = await BothAsync(request);

        Assert.True(reference.Length > 200, $"{ticket} exported only {reference.Length} bytes");
        Assert.Equal(Encoding.UTF8.GetString(reference), Encoding.UTF8.GetString(written));
    }

    [Theory]
    [InlineData(CsvExportDialect.Rfc4180)]
    [InlineData(CsvExportDialect.ExcelIndonesia)]
    public async Task DuckDB_writes_awkward_values_as_the_batch_writer_did(CsvExportDialect dialect)
    {
        var request = new ExportRequest(new AwkwardValues(), ExportFilter.None, ExportFormat.Csv, dialect);

        var (reference, written) = await BothAsync(request);

        Assert.True(reference.Length > AwkwardValues.Rows * 40, $"only {reference.Length} bytes");
        Assert.Equal(Encoding.UTF8.GetString(reference), Encoding.UTF8.GetString(written));
    }

    /// <summary>The export as the batch writer writes it from Arrow batches, and as the session writes it now.</summary>
    private async Task<(byte[] Reference, byte[] Written)> BothAsync(ExportRequest request)
    {
        var exports = new ExportService(seed.Database, new ExportOptions { TempDirectory = seed.TempPath("exports") });
        using var reference = new MemoryStream();
        using (var session = exports.Open(request))
        {
            var writer = new CsvBatchWriter(reference, request.Dialect, request.Dataset.Columns);
            await writer.WriteHeaderAsync(request.Dataset.Columns.Select(c => c.Name), CancellationToken.None);
            await foreach (var batch in session.ReadBatchesAsync())
            {
                await writer.WriteAsync(batch, CancellationToken.None);
            }
            await writer.FlushAsync(CancellationToken.None);
        }
        using var written = new MemoryStream();
        using (var session = exports.Open(request))
        {
            await session.WriteAsync(written);
        }
        return (reference.ToArray(), written.ToArray());
    }

    /// <summary>
    /// A dataset of every column type with the values CSV writers get wrong: separators, quotes and line breaks in
    /// text, formula characters, empty text and nulls, codes that are not codes, and doubles of every magnitude,
    /// the special values and a few thousand random ones, from a fixed seed.
    /// </summary>
    private sealed class AwkwardValues : IExportDataset
    {
        public const int Rows = 3000;

        private static readonly string[] Texts =
        [
            "plain", "", "a,b", "a;b", "say \"hi\"", "two\nlines", "carriage\rreturn", "=SUM(A1)", "+62", "-5", "@home", "Regapu’u",
            " leading and trailing ", "tab\there", "'quoted'", "#hash", "'=already", "\"", ",", ";", "é", "64.02", "=\"64\"",
        ];

        private static readonly string[] Codes = ["0", "64", "64.02", "64.74.01.1001", "", "abc", "6402", "64.02a", "=1", "-64", "64;02", "1.", "."];

        public string Name => "awkward";

        public string Title => "Awkward values";

        public string Description => "Values that CSV writers get wrong.";

        public IReadOnlyList<ExportColumn> Columns { get; } =
        [
            new("text", ExportColumnType.Text, "text", Nullable: true),
            new("code", ExportColumnType.RegionCode, "code", Nullable: true),
            new("small", ExportColumnType.SmallInt, "small", Nullable: true),
            new("number", ExportColumnType.Integer32, "int", Nullable: true),
            new("big", ExportColumnType.BigInt, "big", Nullable: true),
            new("x", ExportColumnType.DoublePrecision, "double", Nullable: true),
            new("flag", ExportColumnType.Boolean, "flag", Nullable: true),
            new("day", ExportColumnType.Date, "day", Nullable: true),
        ];

        public IReadOnlyList<ExportFilterInfo> Filters { get; } = [];

        public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
        {
        }

        public ExportQuery BuildQuery(ExportFilter filter)
        {
            var random = new Random(20261202);
            var rows = Enumerable.Range(0, Rows).Select(i =>
            {
                var isNull = i % 17 == 5;
                var text = isNull ? "NULL" : Literal(Texts[i % Texts.Length]);
                var code = i % 19 == 3 ? "NULL" : Literal(Codes[i % Codes.Length]);
                var x = i % 23 == 7 ? "NULL" : Literal(Double(i, random).ToString("R", CultureInfo.InvariantCulture));
                var flag = isNull ? "NULL" : i % 2 == 0 ? "true" : "false";
                var day = isNull ? "NULL" : $"DATE '1900-01-01' + {i * 17}";
                return $"({i}, {text}, {code}, {(isNull ? "NULL" : (i % 2000 - 1000).ToString(CultureInfo.InvariantCulture))}, {random.Next(int.MinValue, int.MaxValue)}, {random.NextInt64(long.MinValue, long.MaxValue)}, {x}, {flag}, {day})";
            });
            return new ExportQuery($"""
                SELECT text, code, small::SMALLINT AS small, number::INTEGER AS number, big::BIGINT AS big, CAST(x AS DOUBLE) AS x, flag, day
                FROM (VALUES {string.Join(",\n", rows)}) v(i, text, code, small, number, big, x, flag, day)
                ORDER BY i
                """, []);
        }

        private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

        private static double Double(int i, Random random)
        {
            double[] special =
            [
                0, -0.0, 1, -1, 100, 0.1, 0.30000000000000004, 1e-5, 9.99e-6, 1e-4, 1.5e-7, 5e-324, double.Epsilon, double.MaxValue, double.MinValue,
                1e15, -1e15, 999999999999999.9, 1234567890123456.8, 9999999999999998, 1e16, 1.2345678901234568e20, 1e300, 123456789012.5,
                double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.5, 27.6, 73.5, 1e14, 123456789012345, 0.000123,
            ];
            return (i % 4) switch
            {
                0 when i / 4 < special.Length => special[i / 4],
                0 => Math.Round(random.NextDouble() * 100, 2),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 22)),
                2 => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 18))),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
        }
    }
}
