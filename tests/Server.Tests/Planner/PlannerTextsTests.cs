using System.Text.RegularExpressions;
using Kencana.Server.Localization;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Export;

namespace Kencana.Server.Tests.Planner;

/// <summary>The one place for the planner's texts: both languages for every key, and a text for every word the API can answer with.</summary>
public partial class PlannerTextsTests
{
    private readonly PlannerTexts _texts = new();

    [Fact]
    public void Every_text_has_Indonesian_and_English()
    {
        Assert.Equal(_texts.All(Language.Indonesian).Keys.Order(), _texts.All(Language.English).Keys.Order());
        var error = Assert.Throws<InvalidDataException>(() => new PlannerTexts("""{"page.title": {"id": "Judul"}}"""));
        Assert.Contains("page.title", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ForecastWarningKind", "warning.")]
    [InlineData("ForecastMethod", "method.")]
    [InlineData("Reliability", "reliability.")]
    [InlineData("RegionLevel", "level.")]
    [InlineData("Direction", "direction.")]
    public void Every_value_of_an_API_enum_a_planner_reads_has_a_text(string enumName, string prefix)
    {
        // Read from schema.graphql, so that a warning kind added to the forecasts fails here until it is translated.
        var schema = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema.graphql"));
        var body = Regex.Match(schema, $@"enum {enumName} \{{(?<values>[^}}]*)\}}").Groups["values"].Value;
        var values = body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.NotNull(_texts.Find(prefix + v, Language.Indonesian)));
    }

    [Fact]
    public void Every_unit_of_the_seed_catalogue_has_a_text()
    {
        var catalogue = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "data", "seed", "indicators.csv"));
        var header = catalogue[0].Split(',');
        var unit = Array.IndexOf(header, "unit");
        Assert.True(unit >= 0, "indicators.csv has no unit column");
        var units = catalogue.Skip(1).Select(line => CsvField().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ElementAt(unit)).ToHashSet();
        Assert.All(units, u => Assert.NotNull(_texts.Find("unit." + u, Language.Indonesian)));
    }

    [Fact]
    public void Every_column_of_every_export_dataset_has_a_spreadsheet_header_in_both_languages()
    {
        IExportDataset[] datasets = [new ObservationsDataset(), new RollupsDataset(), new AchievementDataset()];
        Assert.All(datasets.SelectMany(d => d.Columns), c =>
        {
            Assert.NotNull(_texts.Find("export.column." + c.Name, Language.Indonesian));
            Assert.NotNull(_texts.Find("export.column." + c.Name, Language.English));
        });
    }

    [Theory]
    [InlineData(21.5, 1, false, "21,5", "21.5")]
    [InlineData(21.5, 1, true, "21,5%", "21.5%")]
    [InlineData(1234.5, 1, false, "1.234,5", "1,234.5")]
    [InlineData(-0.25, 2, false, "-0,25", "-0.25")]
    public void Numbers_are_written_as_each_language_writes_them(double value, int decimals, bool percent, string indonesian, string english)
    {
        Assert.Equal(indonesian, LocalNumbers.Write(value, decimals, Language.Indonesian, percent));
        Assert.Equal(english, LocalNumbers.Write(value, decimals, Language.English, percent));
    }

    [GeneratedRegex("""(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))""")]
    private static partial Regex CsvField();
}
