using Kencana.Warehouse.Import;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Import;

/// <summary>Files that break the reader: every problem is reported once, in one run, and nothing changes.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class ImportFailureTests(SeedWarehouseFixture seed)
{
    private const string Header = "indicator,region_code,year,period,value,source_id";

    [Fact]
    public void Structural_errors_are_reported_once_each_and_the_rows_that_parse_are_still_checked()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var file = seed.WriteFile("mixed.csv", $"""
            {Header}
            MCPR,64.74,2022,YEAR,55,S36,extra
            MCPR,99.99,2022,YEAR,55,S36
            MCPR,64.74,2023,YEAR,155,S36
            MCPR,64.74
            UNMET_NEED,64.74,2021,YEAR,10,S36
            """);

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));

        Assert.Equal([2L, 3, 4, 5], failure.Errors.Select(e => e.Line!.Value));
        Assert.Equal(4, failure.TotalErrors);
        Assert.StartsWith("too many columns", failure.Errors[0].Message);
        Assert.Equal(("region_code", true), (failure.Errors[1].Column, failure.Errors[1].Message.Contains("unknown region code '99.99'")));
        Assert.Equal(("value", true), (failure.Errors[2].Column, failure.Errors[2].Message.Contains("155 is outside the valid range of MCPR")));
        Assert.StartsWith("missing columns", failure.Errors[3].Message);
        Assert.Contains("(no year, period, value, source_id)", failure.Errors[3].Message);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void A_damaged_Parquet_file_is_one_error_and_the_other_files_are_still_checked()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var parquet = seed.TempPath("obs.parquet");
        Sql.Execute(warehouse, $"COPY (SELECT 'TFR' AS indicator, '64.72' AS region_code, 2023 AS year, 'YEAR' AS period, 2.0 AS value, 'S36' AS source_id) TO '{parquet}' (FORMAT parquet)");
        var cut = seed.TempPath("cut.parquet");
        File.WriteAllBytes(cut, File.ReadAllBytes(parquet)[..200]);
        var csv = seed.WriteFile("other.csv", $"{Header}\nTFR,64.74,2021,YEAR,99,S36\n");

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([cut, csv]));

        Assert.Equal(2, failure.TotalErrors);
        var damaged = Assert.Single(failure.Errors, e => e.File == Path.GetFileName(cut));
        Assert.Contains("could not read the file as Parquet", damaged.Message);
        Assert.Contains("export or download it again", damaged.Message);
        Assert.Contains("outside the valid range of TFR", Assert.Single(failure.Errors, e => e.File == Path.GetFileName(csv)).Message);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void A_damaged_Parquet_file_alone_is_refused_with_the_warehouse_unchanged()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var junk = seed.TempPath("junk.parquet");
        File.WriteAllBytes(junk, [.. Enumerable.Range(0, 1000).Select(i => (byte)i)]);

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([junk]));

        Assert.Contains("could not read the file as Parquet", Assert.Single(failure.Errors).Message);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }
}
