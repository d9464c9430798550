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

    [Fact]
    public void The_weighted_count_and_the_synthetic_flag_are_read_only_when_asked_for()
    {
        var aggregator = new Aggregator(seed.Database);
        var filter = new ObservationFilter(Indicators: ["FASKES_ALOKON"]); // the seed's one indicator with published denominators
        var asked = aggregator.Run(new AggregateRequest(filter, [AggregateDimension.Year]));
        var skipped = aggregator.Run(new AggregateRequest(filter, [AggregateDimension.Year], IncludeWeightedCount: false, IncludeSynthetic: false));

        Assert.Equal(asked.Select(r => (r.Key, r.Count, r.Mean)), skipped.Select(r => (r.Key, r.Count, r.Mean)));
        Assert.Contains(asked, r => r.WeightedCount > 0);
        Assert.All(skipped, r => Assert.Equal(0, r.WeightedCount));
    }
}
