using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

/// <summary>
/// Series are looked up by <c>region_key</c>, not by code: a row whose key disagrees with its code would vanish from
/// its region's series, so every writer must store the key <see cref="RegionCode.Key"/> computes.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class RegionKeyColumnTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void Every_region_code_has_the_same_key_in_SQL_as_in_CSharp_and_the_keys_are_unique_and_sort_as_the_codes()
    {
        using var connection = seed.Database.OpenConnection();
        var regions = connection.Query(
            $"SELECT code, {RegionKeyColumn.From("code")} FROM regions",
            r => (Code: RegionCode.Parse(r.GetString(0)), Key: r.GetInt64(1))).ToList();

        Assert.True(regions.Count > 91_000, $"{regions.Count} regions");
        Assert.All(regions, r => Assert.Equal(r.Code.Key, r.Key));
        Assert.Equal(regions.Count, regions.Select(r => r.Key).Distinct().Count());
        Assert.Equal(
            regions.OrderBy(r => r.Code.Value, StringComparer.Ordinal).Select(r => r.Code),
            regions.OrderBy(r => r.Key).Select(r => r.Code));
    }

    [Fact]
    public void The_seed_and_an_import_store_each_rows_key()
    {
        var warehouse = seed.Copy();
        new Importer(warehouse).Import([seed.WriteFile("village.csv", """
            indicator,region_code,year,period,value,numerator,denominator,source_id,ci_lower,ci_upper,is_preferred,synthetic
            STUNTING,64.74.01.1001,2031,YEAR,20.5,,,S24,,,,
            """)]);

        Assert.Equal(0, Sql.Scalar<long>(warehouse, $"SELECT count(*) FROM observations WHERE region_key IS DISTINCT FROM {RegionKeyColumn.From("region_code")}"));
        Assert.Equal(RegionCode.Parse("64.74.01.1001").Key, Sql.Scalar<long>(warehouse, "SELECT region_key FROM observations WHERE year = 2031"));
    }
}
