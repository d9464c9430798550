using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Queries;

/// <summary>
/// The series reader finds rows by <c>region_key</c>; whichever form its membership test takes (one key, a short
/// <c>IN</c> list, <c>list_contains</c> over a long one), it finds exactly the rows a lookup by code finds.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class SeriesByKeyTests(SeedWarehouseFixture seed)
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(514)]
    public void A_batch_by_key_finds_the_rows_a_lookup_by_code_finds(int regionCount)
    {
        using var connection = seed.Database.OpenConnection();
        var regions = connection.Query(
            """
            SELECT code FROM regions WHERE level IN ('regency', 'city')
            ORDER BY code IN (SELECT region_code FROM observations WHERE indicator_code = 'STUNTING') DESC, code DESC LIMIT $n
            """,
            r => RegionCode.Parse(r.GetString(0)), ("n", regionCount)).ToList();
        var byCode = connection.Query(
            "SELECT region_code, year, period::VARCHAR, value FROM observations WHERE indicator_code = 'STUNTING' AND list_contains($codes, region_code)",
            r => (r.GetString(0), (int)r.GetInt16(1), r.GetString(2), r.GetDouble(3)),
            ("codes", regions.Select(r => r.Value).ToArray())).Order().ToList();

        var batch = new SeriesReader(seed.Database).GetObservations("STUNTING", regions);
        var single = regions.SelectMany(r => new SeriesReader(seed.Database).GetObservations("STUNTING", r));

        Assert.Equal(regionCount, regions.Count);
        Assert.NotEmpty(byCode);
        Assert.Equal(byCode, batch.SelectMany(g => g).Select(Row).Order());
        Assert.Equal(byCode, single.Select(Row).Order());
    }

    private static (string, int, string, double) Row(Observation o) => (o.RegionCode.Value, o.Period.Year, Period.CodeOf(o.Period.Sub), o.Value);
}
