using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Import;

/// <summary>
/// The paths the set-based importer takes for speed: keys a file repeats (ranked and checked apart from the rest),
/// stored values read once, the file's text kept only where it did not parse, staging tables read through a view.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class ImportSetBasedChecksTests(SeedWarehouseFixture seed)
{
    private const string Header = "indicator,region_code,year,period,value,numerator,denominator,source_id,is_preferred";
    private const string Sources = "id,title,publisher,priority\nLOW_PRIORITY,A low-priority survey,Someone,9\nHIGH_PRIORITY,A high-priority survey,Someone else,1\n";

    [Fact]
    public void A_key_the_file_repeats_from_two_sources_is_ranked_among_its_rows_and_against_stored_values()
    {
        var warehouse = seed.Copy();
        var sources = seed.WriteFile("sources.csv", Sources);
        // 64.72 2030 is new, from two sources: the higher priority wins. 64.74 2022 is stored (S24, 21.0); the new
        // flagged row must win over it. 64.71 2030 is a key of its own: it is its own default.
        var values = seed.WriteFile("values.csv", $"""
            {Header}
            STUNTING,64.72,2030,YEAR,20.5,,,LOW_PRIORITY,
            STUNTING,64.71,2030,YEAR,19.5,,,LOW_PRIORITY,
            STUNTING,64.72,2030,YEAR,20.0,,,HIGH_PRIORITY,
            STUNTING,64.74,2022,YEAR,22.0,,,LOW_PRIORITY,true

            """);

        var reader = new SeriesReader(warehouse);
        var storedFor2022 = reader.GetObservations("STUNTING", RegionCode.Parse("64.74")).Count(p => p.Period.Year == 2022);

        var report = new Importer(warehouse).Import([sources, values]);

        Assert.Equal(4, report.Files.Single(f => f.Kind == ImportKind.Observations).RowsAdded);
        string DefaultSource(string region, int year) => Assert.Single(
            reader.GetObservations("STUNTING", RegionCode.Parse(region)), p => p.Period.Year == year && p.IsDefault).SourceId;
        Assert.Equal("HIGH_PRIORITY", DefaultSource("64.72", 2030));
        Assert.Equal("LOW_PRIORITY", DefaultSource("64.71", 2030));
        Assert.Equal("LOW_PRIORITY", DefaultSource("64.74", 2022));
        Assert.Equal(storedFor2022 + 1, reader.GetObservations("STUNTING", RegionCode.Parse("64.74")).Count(p => p.Period.Year == 2022));
    }

    [Fact]
    public void Every_check_on_text_that_did_not_parse_still_quotes_it_and_a_rejected_import_leaves_nothing_behind()
    {
        var warehouse = seed.Copy();
        var before = WarehouseSnapshot.Of(warehouse);
        var versions = new DataVersionLog(warehouse).GetAll().Count;
        var sources = seed.WriteFile("sources.csv", Sources);
        var good = seed.WriteFile("good.csv", $"{Header}\nSTUNTING,64.72,2030,YEAR,20.5,,,LOW_PRIORITY,\n");
        var bad = seed.WriteFile("bad.csv", $"""
            {Header}
            STUNTING,64.72,2031,YEAR,20.5,,,LOW_PRIORITY,
            STUNTINGX,64.72,2031,YEAR,20.5,,,LOW_PRIORITY,
            STUNTING, 64.99 ,2031,YEAR,20.5,,,LOW_PRIORITY,
            STUNTING,64.72,20x1,YEAR,20.5,,,LOW_PRIORITY,
            STUNTING,64.72,2031,Q5,20.5,,,LOW_PRIORITY,
            STUNTING,64.72,2032,YEAR,20.5,,,NOBODY,
            STUNTING,64.72,2033,YEAR,20.5,,,LOW_PRIORITY,perhaps
            STUNTING,64.72,2031,YEAR,20.6,,,LOW_PRIORITY,
            STUNTING,64.74,2022,YEAR,22.0,,,S24,
            STUNTING,64.72,2034,YEAR,"20,5",1,4,LOW_PRIORITY,

            """);

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([sources, good, bad]));

        var errors = failure.Errors.Select(e => (e.File, e.Line, e.Column, e.Message)).ToList();
        Assert.All(errors, e => Assert.Equal(Path.GetFileName(bad), e.File));
        Assert.Equal([3L, 4, 5, 6, 7, 8, 9, 10, 11], errors.Select(e => e.Line!.Value));
        Assert.Contains("unknown indicator 'STUNTINGX'", errors[0].Message);
        Assert.Contains("unknown region code ' 64.99 '", errors[1].Message);
        Assert.Contains("'20x1' is not a year", errors[2].Message);
        Assert.Contains("'Q5' is not a period", errors[3].Message);
        Assert.Contains("unknown source 'NOBODY'", errors[4].Message);
        Assert.Contains("'perhaps' is not true or false", errors[5].Message);
        Assert.Contains("appears twice in the file (first on line 2)", errors[6].Message);
        Assert.Contains("already holds 21 for STUNTING 64.74 2022 YEAR from S24", errors[7].Message);
        Assert.Contains("value 20,5 disagrees with 100 x numerator / denominator = 25", errors[8].Message);
        Assert.Equal(before, WarehouseSnapshot.Of(warehouse));
        Assert.Equal(versions, new DataVersionLog(warehouse).GetAll().Count);
        Assert.DoesNotContain(new SourceCatalog(warehouse).GetAll(), s => s.Id == "LOW_PRIORITY");
    }

    [Fact]
    public void Line_numbers_hold_deep_in_the_second_large_file_of_an_import()
    {
        var warehouse = seed.Copy();
        var first = seed.WriteFile("first.csv", $"{Header}\n" + string.Concat(Enumerable.Range(0, 1200).Select(i => $"MCPR,64.74,{1901 + i / 12},M{i % 12 + 1:00},50,,,S36,\n")));
        var second = seed.WriteFile("second.csv", $"{Header}\n" + string.Concat(Enumerable.Range(0, 2000).Select(i =>
            $"MCPR,64.72,{1901 + i / 12},M{i % 12 + 1:00},{(i == 1500 ? 150 : 50)},,,S36,\n")));

        var failure = Assert.Throws<ImportFailedException>(() => new Importer(warehouse).Import([first, second]));

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Path.GetFileName(second), 1502L, "value"), (error.File, error.Line!.Value, error.Column));
    }
}
