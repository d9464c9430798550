using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Aggregation;

/// <summary>The cube computes the measures a request names and no others: a median sorts every group's values.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class SelectedMeasuresTests(SeedWarehouseFixture seed)
{
    private static AggregateRequest Stunting(IReadOnlySet<AggregateMeasure>? measures, bool sources) =>
        new(new ObservationFilter(Indicators: ["STUNTING"]), [AggregateDimension.Year], Measures: measures, IncludeSources: sources);

    [Fact]
    public void Only_the_named_measures_are_computed_and_they_equal_the_full_answer()
    {
        var aggregator = new Aggregator(seed.Database);
        var all = aggregator.Run(Stunting(null, sources: true));
        var some = aggregator.Run(Stunting(new HashSet<AggregateMeasure> { AggregateMeasure.Mean }, sources: false));

        Assert.Equal(all.Select(r => (r.Key, r.Count, r.Mean)), some.Select(r => (r.Key, r.Count, r.Mean)));
        Assert.All(some, r => Assert.Null(r.Median));
        Assert.All(some, r => Assert.Null(r.StdDev));
        Assert.All(some, r => Assert.Empty(r.SourceIds));
        Assert.Contains(all, r => r.Median is not null);
        Assert.All(all, r => Assert.NotEmpty(r.SourceIds));
    }
}
