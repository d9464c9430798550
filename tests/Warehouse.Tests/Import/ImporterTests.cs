using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Import;

[Collection(SeedWarehouseGroup.Name)]
public class ImporterTests(SeedWarehouseFixture seed)
{
    private const string Header = "indicator,region_code,year,period,value,numerator,denominator,source_id";

    [Fact]
    public void Imports_semicolons_decimal_commas_and_a_BOM_as_Indonesian_spreadsheets_write_them()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("siga.csv", """
            indikator;kode_wilayah;tahun;periode;nilai;pembilang;penyebut;sumber
            MCPR;64.74;2024;S1;73,50;;;SEED_BONTANG_2024
            STUNTING;64.74.01;2024;Q2;12,5;25;200;SEED_BONTANG_2024
            """, bom: true);

        var report = new Importer(warehouse).Import([file]);

        Assert.Equal(2, report.RowsAdded);
        var mcpr = new SeriesReader(warehouse).GetObservations("MCPR", RegionCode.Parse("64.74")).Single();
        Assert.Equal(73.5, mcpr.Value);
        Assert.Equal(new Period(2024, SubPeriod.S1), mcpr.Period);
        Assert.True(mcpr.IsDefault);
        var stunting = new SeriesReader(warehouse).GetObservations("STUNTING", RegionCode.Parse("64.74.01")).Single();
        Assert.Equal((12.5, 25.0, 200.0), (stunting.Value, stunting.Numerator!.Value, stunting.Denominator!.Value));
    }

    [Fact]
    public void Imports_quoted_decimal_commas_in_comma_separated_files()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("quoted.csv", $"""
            {Header},note
            UNMET_NEED,64.72,2023,YEAR,"14,25",,,S36,"a note, with a comma"
            """);
        new Importer(warehouse).Import([file]);
        var point = new SeriesReader(warehouse).GetObservations("UNMET_NEED", RegionCode.Parse("64.72")).Single();
        Assert.Equal(14.25, point.Value);
        Assert.Equal("a note, with a comma", point.Note);
    }

    [Fact]
    public void Imports_Parquet_through_DuckDB()
    {
        var warehouse = seed.Copy();
        var parquet = seed.TempPath("obs.parquet");
        Sql.Execute(warehouse, $"""
            COPY (SELECT 'STUNTING' AS indicator, '64.72' AS region_code, 2023 AS year, 'YEAR' AS period, 23.1 AS value,
                         231 AS numerator, 1000 AS denominator, 'S36' AS source_id) TO '{parquet}' (FORMAT parquet)
            """);
        var report = new Importer(warehouse).Import([parquet]);
        Assert.Equal(1, report.RowsAdded);
        Assert.Equal(1000, new SeriesReader(warehouse).GetObservations("STUNTING", RegionCode.Parse("64.72")).Single(p => p.Period.Year == 2023).Denominator);
    }

    [Theory]
    [InlineData("NOT_AN_INDICATOR,64.74,2023,YEAR,10,,,S36", "indicator", "unknown indicator 'NOT_AN_INDICATOR'")]
    [InlineData("STUNTING,99.99,2023,YEAR,10,,,S36", "region_code", "unknown region code '99.99'")]
    [InlineData("STUNTING,6474,2023,YEAR,10,,,S36", "region_code", "'6474' is the BPS code of Kota Bontang; its Kemendagri code is 64.74")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,NO_SUCH_SOURCE", "source_id", "unknown source 'NO_SUCH_SOURCE'")]
    [InlineData("STUNTING,64.74,2023,S3,10,,,S36", "period", "'S3' is not a period")]
    [InlineData("STUNTING,64.74,23,YEAR,10,,,S36", "year", "'23' is not a year")]
    [InlineData("STUNTING,64.74,2023,YEAR,101,,,S36", "value", "101 is outside the valid range of STUNTING (0 to 100 percent)")]
    [InlineData("STUNTING,64.74,2023,YEAR,-1,,,S36", "value", "outside the valid range")]
    [InlineData("STUNTING,64.74,2023,YEAR,abc,,,S36", "value", "'abc' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,1.234,5,,,S36", null, "too many columns")]
    [InlineData("STUNTING,64.74,2023,YEAR,,,,S36", "value", "value is missing")]
    [InlineData("STUNTING,64.74,2023,YEAR,60,60,50,S36", "numerator", "numerator 60 is greater than denominator 50")]
    [InlineData("STUNTING,64.74,2023,YEAR,30,10,100,S36", "value", "disagrees with 100 x numerator / denominator = 10")]
    [InlineData("STUNTING,64.74,2023,YEAR,nan,,,S36", "value", "'nan' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,", "source_id", "source id is missing")]
    public void Refuses_a_bad_row_naming_file_line_and_column_and_changes_nothing(string row, string? column, string message)
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var file = seed.WriteFile("bad.csv", $"{Header}\nUNMET_NEED,64.74,2021,YEAR,15.0,,,S36\n{row}\n");

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));

        var error = Assert.Single(failure.Errors);
        Assert.Equal(Path.GetFileName(file), error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void Errors_name_the_column_as_the_file_names_it()
    {
        var file = seed.WriteFile("siga.csv", "indikator;kode_wilayah;tahun;periode;nilai;sumber\nSTUNTING;6474;2024;YEAR;19,2;S28\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(seed.Copy()).Import([file]));
        var error = Assert.Single(failure.Errors);
        Assert.Equal("kode_wilayah", error.Column);
        Assert.Contains("its Kemendagri code is 64.74", error.Message);
    }

    [Fact]
    public void Duplicate_keys_inside_a_file_point_at_the_first_occurrence()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("dupes.csv", $"{Header}\nTFR,64.74,2021,YEAR,2.1,,,S36\nTFR,64.72,2021,YEAR,2.0,,,S36\nTFR,64.74,2021,YEAR,2.2,,,S36\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));
        var error = Assert.Single(failure.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("appears twice", error.Message);
        Assert.Contains("first on line 2", error.Message);
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_quoted_line_breaks()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("lines.csv", $"{Header},note\n\nTFR,64.74,2021,YEAR,2.1,,,S36,\"two\nlines\"\n\nTFR,64.72,2021,YEAR,99,,,S36,\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));
        Assert.Equal(6, Assert.Single(failure.Errors).Line);
    }

    [Fact]
    public void Reports_the_first_hundred_errors_and_counts_the_rest()
    {
        var warehouse = seed.Copy();
        var rows = string.Join("\n", Enumerable.Range(0, 150).Select(i => $"STUNTING,64.74,{1950 + i},YEAR,200,,,S36"));
        var file = seed.WriteFile("many.csv", $"{Header}\n{rows}\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));
        Assert.Equal(Importer.MaxReportedErrors, failure.Errors.Count);
        Assert.Equal(150, failure.TotalErrors);
        Assert.Contains("and 50 more", failure.Message);
    }

    [Fact]
    public void One_bad_file_rolls_back_every_file_of_the_import()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var good = seed.WriteFile("good.csv", $"{Header}\nTFR,64.74,2021,YEAR,2.1,,,S36\n");
        var bad = seed.WriteFile("bad.csv", $"{Header}\nTFR,64.74,2022,YEAR,99,,,S36\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([good, bad]));
        Assert.Equal(Path.GetFileName(bad), Assert.Single(failure.Errors).File);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void Reimporting_adds_nothing_twice()
    {
        var warehouse = seed.Copy();
        var text = $"{Header}\nTFR,64.74,2021,YEAR,2.1,,,S36\nTFR,64.72,2021,YEAR,2.0,,,S36\n";
        var file = seed.WriteFile("once.csv", text);
        Assert.Equal(2, new Importer(warehouse).Import([file]).RowsAdded);
        var afterFirst = WarehouseSnapshot.Of(warehouse);

        var again = new Importer(warehouse).Import([file]);
        Assert.True(Assert.Single(again.Files).AlreadyImported);

        var renamed = seed.WriteFile("renamed.csv", text + "TFR,64.71,2021,YEAR,1.9,,,S36\n");
        var partly = new Importer(warehouse).Import([renamed]).Files.Single();
        Assert.Equal((1L, 2L), (partly.RowsAdded, partly.RowsAlreadyPresent));
        Assert.Equal(afterFirst.Observations + 1, WarehouseSnapshot.Of(warehouse).Observations);
    }

    [Fact]
    public void A_different_value_from_the_same_source_is_refused_not_overwritten()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("revision.csv", $"{Header}\nUNMET_NEED,64.74,2022,YEAR,16.0,,,SEED_BONTANG_2024\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));
        Assert.Contains("already holds 15.6", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void A_new_source_and_the_values_citing_it_load_together_and_a_preferred_flag_wins()
    {
        var warehouse = seed.Copy();
        var values = seed.WriteFile("values.csv", $"{Header},is_preferred\nSTUNTING,64.07,2024,YEAR,23.5,,,DINKES_KUBAR_2024,true\n");
        var sources = seed.WriteFile("sources.csv", "id,title,publisher,url,published_on,priority\nDINKES_KUBAR_2024,Laporan stunting 2024,Dinas Kesehatan Kutai Barat,,2025-03-01,3\n");

        var report = new Importer(warehouse).Import([values, sources]);

        Assert.Equal([ImportKind.Sources, ImportKind.Observations], report.Files.Select(f => f.Kind));
        var points = new SeriesReader(warehouse).GetObservations("STUNTING", RegionCode.Parse("64.07")).Where(p => p.Period.Year == 2024).ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal("DINKES_KUBAR_2024", Assert.Single(points, p => p.IsDefault).SourceId);
    }

    [Fact]
    public void Imports_targets_and_refuses_a_target_without_a_plan()
    {
        var warehouse = seed.Copy();
        var good = seed.WriteFile("targets.csv", "indicator,region_code,year,period,target,source_id,plan\nSTUNTING,64.74,2029,YEAR,14,SEED_BONTANG_2024,RPJMD Bontang\n");
        Assert.Equal(1, new Importer(warehouse).Import([good]).RowsAdded);
        Assert.Contains(new SeriesReader(warehouse).GetTargets("STUNTING", RegionCode.Parse("64.74")), t => t.Value == 14 && t.Plan == "RPJMD Bontang");

        var bad = seed.WriteFile("targets-bad.csv", "indicator,region_code,year,period,target,source_id,plan\nSTUNTING,64.74,2030,YEAR,14,SEED_BONTANG_2024,\n");
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([bad]));
        Assert.Equal("plan", Assert.Single(failure.Errors).Column);
    }

    [Theory]
    [InlineData("notes.xlsx", "x", "unsupported file type '.xlsx'")]
    [InlineData("empty.csv", "", "the first line must be the header")]
    [InlineData("header-only.csv", Header, "no data rows")]
    [InlineData("unknown.csv", "a,b,c\n1,2,3", "cannot tell what the file holds")]
    [InlineData("missing.csv", "indicator,region_code,year,value\nTFR,64,2020,2.1", "needs the column(s) period, source_id")]
    public void Refuses_files_it_cannot_read_and_says_why(string name, string text, string message)
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile(name, text);
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file]));
        Assert.Contains(message, Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(seed.Copy()).Import(["/nonexistent/obs.csv"]));
        Assert.Contains("file not found", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void Values_of_the_warehouse_are_unchanged_by_a_failed_import_even_in_the_middle_of_several_files()
    {
        var warehouse = seed.Copy();
        var before = new DataVersionLog(warehouse).GetAll().Count;
        var sources = seed.WriteFile("sources.csv", "id,title,publisher\nNEW_SOURCE,A title,A publisher\n");
        var bad = seed.WriteFile("bad.csv", $"{Header}\nTFR,64.74,2022,YEAR,99,,,NEW_SOURCE\n");
        Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([sources, bad]));
        Assert.Equal(before, new DataVersionLog(warehouse).GetAll().Count);
        Assert.DoesNotContain(new SourceCatalog(warehouse).GetAll(), s => s.Id == "NEW_SOURCE");
    }
}
