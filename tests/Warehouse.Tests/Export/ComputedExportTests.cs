using System.Text;
using Apache.Arrow;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Export;

/// <summary>A dataset computed in .NET is staged in a temporary table on the session's connection and written by the ordinary writers.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class ComputedExportTests(SeedWarehouseFixture seed)
{
    [Fact]
    public async Task Computed_rows_keep_their_types_order_and_text_region_codes_in_CSV_and_Arrow()
    {
        var dataset = new Computed([["64.10", (short)2029, 3, 4L, 21.5, true, new DateOnly(2029, 1, 1)], ["0", (short)2030, null, null, null, null, null], ["64.02", (short)2028, 1, 1L, 0.25, false, new DateOnly(2028, 7, 1)]]);
        var exports = new ExportService(seed.Database, new ExportOptions { TempDirectory = seed.TempPath("exports") });

        using var csv = new MemoryStream();
        using (var session = exports.Open(new ExportRequest(dataset, ExportFilter.None, ExportFormat.Csv)))
        {
            await session.WriteAsync(csv);
        }
        Assert.Equal(
            "region_code,year,count,total,share,flag,day\r\n64.10,2029,3,4,21.5,true,2029-01-01\r\n0,2030,,,,,\r\n64.02,2028,1,1,0.25,false,2028-07-01\r\n",
            Encoding.UTF8.GetString(csv.ToArray()));

        using var session2 = exports.Open(new ExportRequest(dataset, ExportFilter.None, ExportFormat.Arrow));
        var codes = new List<string?>();
        await foreach (var batch in session2.ReadBatchesAsync())
        {
            var column = (StringArray)batch.Column(0);
            codes.AddRange(Enumerable.Range(0, batch.Length).Select(i => column.GetString(i)));
        }
        Assert.Equal(["64.10", "0", "64.02"], codes);
    }

    [Fact]
    public async Task Two_sessions_never_see_each_others_rows()
    {
        var exports = new ExportService(seed.Database, new ExportOptions { TempDirectory = seed.TempPath("exports") });
        using var first = exports.Open(new ExportRequest(new Computed([["1", (short)1, 1, 1L, 1.0, true, new DateOnly(2001, 1, 1)]]), ExportFilter.None, ExportFormat.Csv));
        using var second = exports.Open(new ExportRequest(new Computed([["2", (short)2, 2, 2L, 2.0, false, new DateOnly(2002, 1, 1)]]), ExportFilter.None, ExportFormat.Csv));
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        await first.WriteAsync(a);
        await second.WriteAsync(b);
        Assert.EndsWith("\r\n1,1,1,1,1,true,2001-01-01\r\n", Encoding.UTF8.GetString(a.ToArray()), StringComparison.Ordinal);
        Assert.EndsWith("\r\n2,2,2,2,2,false,2002-01-01\r\n", Encoding.UTF8.GetString(b.ToArray()), StringComparison.Ordinal);
    }

    private sealed class Computed(IReadOnlyList<object?[]> rows) : IComputedExportDataset
    {
        public string Name => "computed";

        public string Title => "Computed rows";

        public string Description => "Rows made in .NET.";

        public IReadOnlyList<ExportColumn> Columns { get; } =
        [
            new("region_code", ExportColumnType.RegionCode, "A code."),
            new("year", ExportColumnType.SmallInt, "A year."),
            new("count", ExportColumnType.Integer32, "A count.", Nullable: true),
            new("total", ExportColumnType.BigInt, "A total.", Nullable: true),
            new("share", ExportColumnType.DoublePrecision, "A share.", Nullable: true),
            new("flag", ExportColumnType.Boolean, "A flag.", Nullable: true),
            new("day", ExportColumnType.Date, "A day.", Nullable: true),
        ];

        public IReadOnlyList<ExportFilterInfo> Filters { get; } = [];

        public void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators)
        {
        }

        public ExportQuery BuildQuery(ExportFilter filter) => ExportStaging.Select(Columns);

        public string Revision(ExportFilter filter, CancellationToken cancellationToken) => "test";

        public IEnumerable<object?[]> ComputeRows(ExportFilter filter, CancellationToken cancellationToken) => rows;
    }
}
