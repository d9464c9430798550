using System.Globalization;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Import;

/// <summary>
/// The one-pass path an import takes when it expects no errors (observations parsed while read, checks counted rather
/// than listed) stores exactly what the careful path stores, and hands every file with an error to the careful path,
/// which reports it as before.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class ImportOnePassTests(SeedWarehouseFixture seed)
{
    private const string Header = "indicator,region_code,year,period,value,numerator,denominator,source_id,ci_lower,ci_upper,is_preferred,synthetic";

    [Fact]
    public void A_clean_import_loads_in_one_pass_and_stores_exactly_what_the_careful_path_stores()
    {
        var stored = StoredRowWithoutNumerator();
        var sources = seed.WriteFile("sources.csv", "id;title;publisher;priority;synthetic\nLOW_PRIORITY;A survey;Someone;9;ya\nHIGH_PRIORITY;Another survey;Someone else;1;\n");
        // Semicolons, decimal commas, codes with spaces and in lower case, periods written out, a key from two new
        // sources, a row identical to a stored one, a new source for a stored key, flags in Indonesian, an ignored column.
        var values = seed.WriteFile("values.csv", $"""
            indikator;kode_wilayah;tahun;periode;nilai;pembilang;penyebut;sumber;survei;catatan;ci_low;ci_high;preferred;synthetic;extra
             stunting ; 64.74 ;2031;Q 1;20,5;41;200;LOW_PRIORITY;Survei A;a note;18,0;23,0;;;x
            STUNTING;64.72;2031;YEAR;20;;;LOW_PRIORITY;;;;;;tidak;x
            STUNTING;64.72;2031;YEAR;21;;;HIGH_PRIORITY;;;;;;1;x
            MCPR;64.71;2031;Triwulan 2;55,25;;;HIGH_PRIORITY;;;;;ya;;x
            MCPR;64.71;2031;m1;54;;;HIGH_PRIORITY;;;;;;;x
            {stored.Indicator};{stored.Region};{stored.Year};{stored.Period};{stored.Value};;;{stored.Source};;;;;;;x
            {stored.Indicator};{stored.Region};{stored.Year};{stored.Period};{stored.Value};;;LOW_PRIORITY;;;;;;;x

            """);

        var (onePass, onePassProgress) = Import(seed.Copy(), [sources, values], new ImportOptions());
        var (careful, carefulProgress) = Import(seed.Copy(), [sources, values], new ImportOptions { ExpectErrors = true });

        Assert.DoesNotContain(Importer.CarefulPathNotice, onePassProgress);
        Assert.Equal(carefulProgress, onePassProgress);
        Assert.Equal(Rows(careful, "observations"), Rows(onePass, "observations"));
        Assert.Equal(Rows(careful, "sources"), Rows(onePass, "sources"));
        Assert.Equal(Rows(careful, "data_versions"), Rows(onePass, "data_versions"));
        Assert.Equal(6, Rows(onePass, "observations").Count - Rows(seed.Database, "observations").Count);
        Assert.Contains(
            "{'indicator_code': STUNTING, 'region_code': 64.74, 'year': 2031, 'period': Q1, 'value': 20.5, 'numerator': 41.0, 'denominator': 200.0, "
            + "'source_id': LOW_PRIORITY, 'survey': Survei A, 'note': a note, 'ci_lower': 18.0, 'ci_upper': 23.0, 'is_preferred': false, 'is_default': true, 'is_synthetic': true, 'data_version': ",
            Assert.Single(Rows(onePass, "observations"), r => r.Contains("2031, 'period': Q1", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_preferred_value_where_the_warehouse_has_one_from_another_source_is_refused_on_its_line()
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("first.csv", $"{Header}\nTFR,64.74,2031,YEAR,2.1,,,S36,,,true,\n")]);
        var before = WarehouseSnapshot.Of(warehouse);
        var second = seed.WriteFile("second.csv", $"{Header}\nTFR,64.72,2031,YEAR,2.0,,,S24,,,true,\nTFR,64.74,2031,YEAR,2.2,,,S24,,,yes,\n");

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([second]));

        var error = Assert.Single(failure.Errors);
        Assert.Equal((3L, "is_preferred"), (error.Line!.Value, error.Column));
        Assert.Contains("already has a preferred value for TFR 64.74 2031 YEAR (from S36)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void Rows_of_an_import_are_stored_in_the_layout_order_whatever_the_order_of_the_file()
    {
        var warehouse = seed.Copy();
        var file = seed.WriteFile("shuffled.csv", $"""
            {Header}
            TFR,64.74,2031,YEAR,2.1,,,S36,,,,
            MCPR,64.74,2031,M02,61,,,S36,,,,
            MCPR,64.72,2031,YEAR,60,,,S36,,,,
            MCPR,64.74,2030,YEAR,59,,,S36,,,,
            MCPR,64.74,2031,YEAR,62,,,S36,,,,
            """);

        var report = new Importer(warehouse).Import([file]);

        var version = Assert.Single(report.Files).DataVersion;
        using var connection = warehouse.OpenConnection();
        var stored = connection.Query(
            $"SELECT indicator_code || ' ' || region_code || ' ' || year || ' ' || period FROM observations WHERE data_version = {version} ORDER BY rowid",
            r => r.GetString(0)).ToList();
        Assert.Equal(["MCPR 64.72 2031 YEAR", "MCPR 64.74 2030 YEAR", "MCPR 64.74 2031 YEAR", "MCPR 64.74 2031 M02", "TFR 64.74 2031 YEAR"], stored);
    }

    /// <summary>The checks the one-pass path counts that the other import tests do not reach; each must send the import to the careful path.</summary>
    [Theory]
    [InlineData("STUNTING,64.74,2023,YEAR,10,-1,100,S36,,,,", "numerator", "numerator -1 is negative")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,1,0,S36,,,,", "denominator", "denominator 0 must be greater than 0")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,x,100,S36,,,,", "numerator", "'x' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,10,1.5e,S36,,,,", "denominator", "'1.5e' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,inf,,,S36,,,,", "value", "'inf' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,S36,5,,,", "ci_upper", "give both ci_lower and ci_upper, or neither")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,S36,a,12,,", "ci_lower", "'a' is not a number")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,S36,1,5,,", "ci_lower", "the confidence interval 1 to 5 does not contain the value 10")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,S36,,,,maybe", "synthetic", "'maybe' is not true or false")]
    [InlineData("STUNTING,64.74,2023,YEAR,10,,,S36,,,perhaps,", "is_preferred", "'perhaps' is not true or false")]
    [InlineData("UNMET_NEED,64.74,2021,YEAR,15.1,,,S24,,,true,", "is_preferred", "two rows for UNMET_NEED 64.74 2021 YEAR are flagged preferred")]
    [InlineData("stunting,64.74,2023,YEAR,10,,,S36,,,,", null, null)]
    public void A_row_the_one_pass_checks_refuse_is_reported_by_the_careful_path_on_its_line(string row, string? column, string? message)
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var file = seed.WriteFile("bad.csv", $"{Header}\nUNMET_NEED,64.74,2021,YEAR,15.0,,,S36,,,true,\n{row}\n");
        var progress = new List<string>();

        if (message is null)
        {
            // The control: the same file with a good row loads on the one-pass path.
            new Importer(warehouse).Import([file], progress: new ListProgress(progress));
            Assert.DoesNotContain(Importer.CarefulPathNotice, progress);
            return;
        }
        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([file], progress: new ListProgress(progress)));

        var error = Assert.Single(failure.Errors);
        Assert.Equal((3L, column), (error.Line!.Value, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(Importer.CarefulPathNotice, progress);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    [Fact]
    public void A_clean_file_after_one_with_an_error_is_still_checked_and_nothing_of_either_is_kept()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var first = seed.WriteFile("first.csv", $"{Header}\nTFR,64.74,2031,YEAR,2.1,,,S36,,,,\n");
        var second = seed.WriteFile("second.csv", $"{Header}\nTFR,64.74,2032,YEAR,2.1,,,S36,,,,\nTFR,64.72,2032,YEAR,2.2,,,S36,,,,\nTFR,64.74,2031,YEAR,2.2,,,S36,,,,\n");

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([first, second]));

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Path.GetFileName(second), 4L), (error.File, error.Line!.Value));
        Assert.Contains("already holds 2.1 for TFR 64.74 2031 YEAR from S36", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
    }

    private static (WarehouseDatabase Warehouse, List<string> Progress) Import(WarehouseDatabase warehouse, string[] files, ImportOptions options)
    {
        var progress = new List<string>();
        new Importer(warehouse).Import(files, options, new ListProgress(progress));
        return (warehouse, progress);
    }

    /// <summary>Every row of a table as text, in a fixed order; data versions without the time they were loaded.</summary>
    private static List<string> Rows(WarehouseDatabase warehouse, string table)
    {
        using var connection = warehouse.OpenConnection();
        var columns = table == "data_versions" ? "* EXCLUDE (loaded_at)" : "*";
        return connection.Query($"SELECT t::VARCHAR FROM (SELECT {columns} FROM {table}) t ORDER BY 1", r => r.GetString(0)).ToList();
    }

    private (string Indicator, string Region, int Year, string Period, string Value, string Source) StoredRowWithoutNumerator()
    {
        using var connection = seed.Database.OpenConnection();
        return connection.Query(
            "SELECT indicator_code, region_code, year, period::VARCHAR, value, source_id FROM observations WHERE numerator IS NULL AND denominator IS NULL AND ci_lower IS NULL AND NOT is_preferred ORDER BY ALL LIMIT 1",
            r => (r.GetString(0), r.GetString(1), (int)r.GetInt16(2), r.GetString(3), r.GetDouble(4).ToString("R", CultureInfo.InvariantCulture), r.GetString(5))).Single();
    }
}
