using Kencana.Warehouse.Lineage;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Seed;

[Collection(SeedWarehouseGroup.Name)]
public class SeedLoaderTests(SeedWarehouseFixture seed)
{
    [Theory]
    [InlineData("nation", 1)]
    [InlineData("province", 38)]
    [InlineData("regency", 416)]
    [InlineData("city", 98)]
    [InlineData("district", 7285)]
    [InlineData("village", 83762)]
    public void Loads_every_region_of_Indonesia(string level, long count) =>
        Assert.Equal(count, Sql.Scalar<long>(seed.Database, $"SELECT count(*) FROM regions WHERE level = '{level}'"));

    [Fact]
    public void Kalimantan_Timur_has_its_ten_kabupaten_kota_with_BPS_codes_from_the_crosswalk()
    {
        var regions = new RegionDirectory(seed.Database).List(null, RegionCode.Parse("64"));
        Assert.Equal(10, regions.Count);
        var byCode = regions.ToDictionary(r => r.Code.Value);
        Assert.Equal("6403", byCode["64.02"].BpsCode); // Kutai Kartanegara: not "6402", which is Kutai Barat at BPS
        Assert.Equal("6402", byCode["64.07"].BpsCode);
        Assert.Equal(RegionLevel.City, byCode["64.74"].Level);
        Assert.Equal(191_811, byCode["64.74"].Population!.Total);
    }

    [Fact]
    public void Loads_every_sourced_observation_and_target()
    {
        // 88 values from the seed articles and targets' sources, and 370 of the 373 published values of the 2013-2022
        // stunting panel (three were already in the seed from the same source).
        Assert.Equal(458, Sql.Scalar<long>(seed.Database, "SELECT count(*) FROM observations"));
        Assert.Equal(29, Sql.Scalar<long>(seed.Database, "SELECT count(*) FROM targets"));
        Assert.Equal(0, Sql.Scalar<long>(seed.Database, "SELECT count(*) FROM observations WHERE is_synthetic"));
        Assert.Equal(0, Sql.Scalar<long>(seed.Database, "SELECT count(*) FROM observations o LEFT JOIN sources s ON s.id = o.source_id WHERE s.id IS NULL"));
    }

    [Fact]
    public void The_stunting_panel_holds_every_province_for_each_survey_with_its_survey()
    {
        Assert.Equal(0, Sql.Scalar<long>(seed.Database, "SELECT count(*) FROM observations WHERE indicator_code = 'STUNTING' AND survey IS NULL"));
        foreach (var (year, provinces) in new[] { (2013, 33L), (2018, 34L), (2021, 34L), (2022, 34L) })
        {
            Assert.Equal(provinces, Sql.Scalar<long>(seed.Database, $"""
                SELECT count(DISTINCT o.region_code) FROM observations o JOIN regions r ON r.code = o.region_code
                WHERE o.indicator_code = 'STUNTING' AND r.level = 'province' AND o.year = {year}
                """));
        }
    }

    [Fact]
    public void The_2022_splits_of_Papua_and_Papua_Barat_are_recorded_with_their_laws()
    {
        var changes = new RegionLineageReader(seed.Database).All();
        Assert.Equal(["91>91", "91>93", "91>94", "91>95", "92>92", "92>96"], changes.Select(c => $"{c.Predecessor}>{c.Successor}"));
        Assert.All(changes, c => Assert.Equal(2022, c.Year));
        Assert.All(changes, c => Assert.Equal(c.Predecessor != c.Successor, c.IsSplit));
        Assert.Contains(changes, c => c.Successor.Value == "96" && c.SourceId == "UU_29_2022");
    }

    [Fact]
    public void Conflicting_sources_are_both_kept_and_the_higher_priority_one_is_the_default()
    {
        var points = new SeriesReader(seed.Database).GetObservations("STUNTING", RegionCode.Parse("64.07"))
            .Where(p => p.Period.Year == 2024).ToList();
        Assert.Equal(2, points.Count);
        var chosen = Assert.Single(points, p => p.IsDefault);
        Assert.Equal("S28", chosen.SourceId); // Antara (SSGI 2024) over Katasatu (DP3A figures)
        Assert.Equal(21.0, chosen.Value);
        Assert.Contains(points, p => p.SourceId == "S29" && p.Value == 27.6 && !p.IsDefault);
    }

    [Fact]
    public void Every_indicator_key_has_exactly_one_default()
    {
        var keysWithoutOne = Sql.Scalar<long>(seed.Database, """
            SELECT count(*) FROM (SELECT indicator_code, region_code, year, period FROM observations
            GROUP BY ALL HAVING count(*) FILTER (WHERE is_default) <> 1)
            """);
        Assert.Equal(0, keysWithoutOne);
    }

    [Fact]
    public void Reference_year_and_release_date_are_kept_apart()
    {
        var sources = new SourceCatalog(seed.Database).GetAll().ToDictionary(s => s.Id);
        Assert.Equal(new DateOnly(2023, 2, 2), sources["S20"].PublishedOn); // SSGI 2022, published in 2023
        var ssgi2022 = new SeriesReader(seed.Database).GetObservations("STUNTING", RegionCode.Nation).Single(o => o.SourceId == "S20");
        Assert.Equal(2022, ssgi2022.Period.Year);
    }

    [Fact]
    public void Records_the_load_as_data_versions_with_the_seed_fingerprint()
    {
        var versions = new DataVersionLog(seed.Database).GetAll();
        Assert.All(versions, v => Assert.Equal("seed", v.Kind));
        Assert.Equal(458, versions.Sum(v => v.ObservationRows));
        Assert.Equal(SeedFiles.Open(RepositoryPaths.Seed).Sha256, WarehouseInfoReader.Read(seed.Database).SeedSha256);
    }

    [Fact]
    public void An_existing_warehouse_is_kept_and_a_changed_seed_is_noticed()
    {
        var copy = seed.Copy();
        var outcome = SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false);
        Assert.False(outcome.Built);
        Assert.False(outcome.SeedChanged);

        Sql.Execute(copy, "UPDATE warehouse_info SET seed_sha256 = 'older'");
        Assert.True(SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false).SeedChanged);
        Assert.True(SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: true).Built);
    }

    [Fact]
    public void A_missing_seed_file_is_named()
    {
        var empty = Directory.CreateTempSubdirectory("kencana-empty-seed-").FullName;
        var error = Assert.Throws<DirectoryNotFoundException>(() => SeedFiles.Open(empty));
        Assert.Contains("sources.csv", error.Message);
    }
}
