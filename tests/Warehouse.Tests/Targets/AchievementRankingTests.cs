using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Targets;

/// <summary>
/// A ranking of provinces or kabupaten/kota takes its values from the upper levels in memory; it must rank exactly as
/// the ranking that reads them with SQL, and leave deeper scopes to SQL.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class AchievementRankingTests(SeedWarehouseFixture seed)
{
    public static TheoryData<string, string?, string?, int> Scopes() => new()
    {
        { "STUNTING", "64", null, 2022 },
        { "STUNTING", "0", null, 2022 },
        { "STUNTING", null, "PROVINCE", 2022 },
        { "STUNTING", "0", "REGENCY", 2022 },
        { "STUNTING", "64", "REGENCY,CITY", 2021 },
        { "UNMET_NEED", null, "PROVINCE", 2022 },
        { "UNMET_NEED", "64", null, 2023 },
        { "MCPR", "0", null, 2022 },
        { "STUNTING", "64", null, 2031 }, // no values: every region is without one
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void A_ranking_from_memory_equals_the_ranking_read_with_SQL(string indicator, string? parent, string? levels, int year)
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelObservations(warehouse);
        memory.Load();
        var parentCode = parent is null ? (RegionCode?)null : RegionCode.Parse(parent);
        RegionLevel[]? levelList = levels?.Split(",").Select(l => Enum.Parse<RegionLevel>(l, ignoreCase: true)).ToArray();

        var fromSql = new AchievementRanking(warehouse).Rank(indicator, new Period(year), parentCode, levelList);
        var fromMemory = new AchievementRanking(warehouse, memory).Rank(indicator, new Period(year), parentCode, levelList);

        Assert.Equal(1, memory.Hits);
        Assert.Equal(fromSql.Rows, fromMemory.Rows);
        Assert.Equal(fromSql.RegionsWithoutValue, fromMemory.RegionsWithoutValue);
        Assert.True(fromSql.Rows.Count + fromSql.RegionsWithoutValue.Count > 5, "the scope holds a handful of regions at least");
        Assert.Equal(year != 2031, fromSql.Rows.Count > 0);
    }

    [Fact]
    public void A_ranking_of_kecamatan_is_read_with_SQL()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var memory = new UpperLevelObservations(warehouse);
        memory.Load();

        var report = new AchievementRanking(warehouse, memory).Rank("STUNTING", new Period(2022), RegionCode.Parse("64"), [RegionLevel.District]);

        Assert.Equal(0, memory.Hits);
        Assert.NotEmpty(report.RegionsWithoutValue);
    }
}
