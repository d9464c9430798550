using System.Diagnostics;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

[Collection(SeedWarehouseGroup.Name)]
public class CancellationTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void A_cancelled_request_stops_the_query_inside_DuckDB()
    {
        using var connection = seed.Database.OpenConnection();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        // Minutes of work for DuckDB if nobody interrupts it.
        Assert.Throws<OperationCanceledException>(() =>
            connection.Scalar<long>("SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3", cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the query ran on for {clock.Elapsed.TotalSeconds:F1} s after cancellation");
        Assert.Equal(1, connection.Scalar<int>("SELECT 1")); // the connection stays usable
    }
}
