using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Aggregation;

/// <summary>
/// The pre-aggregated table answers exactly what the observations answer, only for requests it can answer, and
/// never for a data version other than its own.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class PreAggregatesTests(SeedWarehouseFixture seed)
{
    private static readonly HashSet<AggregateMeasure> Cheap =
        [AggregateMeasure.Count, AggregateMeasure.Min, AggregateMeasure.Max, AggregateMeasure.Mean, AggregateMeasure.WeightedMean];

    public static TheoryData<string> Fitting() =>
        ["nation by year", "below the nation by province", "below a province by level and year", "all values by indicator and period",
         "levels and years with having and order", "synthetic only", "granularity", "provinces by largest value, paged", "provinces, the nation last",
         "no groups over nothing", "no groups with weighted means", "having on a weighted mean"];

    private static AggregateRequest Request(string name) => name switch
    {
        "nation by year" => new(new ObservationFilter(Indicators: ["STUNTING"], PreferredOnly: true), [AggregateDimension.Year], Measures: Cheap, IncludeSources: false),
        "below the nation by province" => new(new ObservationFilter(Indicators: ["STUNTING"], AncestorCode: RegionCode.Nation, PreferredOnly: true),
            [AggregateDimension.Province], Measures: Cheap, IncludeSources: false),
        "below a province by level and year" => new(new ObservationFilter(Indicators: ["STUNTING"], AncestorCode: RegionCode.Parse("64"), PreferredOnly: true),
            [AggregateDimension.Level, AggregateDimension.Year], Measures: Cheap, IncludeSources: false),
        "all values by indicator and period" => new(new ObservationFilter(), [AggregateDimension.Indicator, AggregateDimension.Period],
            Measures: Cheap, IncludeSources: false, Limit: 1000),
        "levels and years with having and order" => new(new ObservationFilter(Levels: [RegionLevel.Regency, RegionLevel.City], FromYear: 2021, ToYear: 2024),
            [AggregateDimension.Indicator, AggregateDimension.Year], [new HavingCondition(AggregateMeasure.Count, Comparison.AtLeast, 2)],
            OrderBy: AggregateMeasure.Mean, Descending: true, Measures: Cheap, IncludeSources: false),
        "synthetic only" => new(new ObservationFilter(Synthetic: false), [AggregateDimension.Indicator], Measures: Cheap, IncludeSources: false),
        "granularity" => new(new ObservationFilter(Indicators: ["STUNTING"], Granularity: Granularity.Year), [AggregateDimension.Year],
            Measures: Cheap, IncludeSources: false),
        // The nation's own row has no province: it sorts last, as DuckDB sorts nulls.
        "provinces by largest value, paged" => new(new ObservationFilter(Indicators: ["STUNTING"]), [AggregateDimension.Province, AggregateDimension.Indicator],
            OrderBy: AggregateMeasure.Max, Descending: true, Limit: 7, Offset: 3, Measures: Cheap, IncludeSources: false),
        "provinces, the nation last" => new(new ObservationFilter(Indicators: ["STUNTING"], FromYear: 2018), [AggregateDimension.Province],
            Limit: 1000, Measures: Cheap, IncludeSources: false),
        "no groups over nothing" => new(new ObservationFilter(Indicators: ["STUNTING"], FromYear: 2100), [], Measures: Cheap, IncludeSources: false),
        "no groups with weighted means" => new(new ObservationFilter(Indicators: ["FASKES_ALOKON"], AncestorCode: RegionCode.Nation), [],
            Measures: Cheap, IncludeSources: false),
        "having on a weighted mean" => new(new ObservationFilter(), [AggregateDimension.Indicator, AggregateDimension.Level],
            [new HavingCondition(AggregateMeasure.WeightedMean, Comparison.GreaterThan, 1)], OrderBy: AggregateMeasure.WeightedMean,
            Measures: Cheap, IncludeSources: false),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Fitting))]
    public void A_fitting_request_is_answered_from_the_table_with_the_observations_answer(string name)
    {
        var warehouse = seed.Copy();
        var cube = new PreAggregates(warehouse);
        cube.Build();

        var fromObservations = new Aggregator(warehouse).Run(Request(name));
        var fromCube = new Aggregator(warehouse, cube).Run(Request(name));

        Assert.Equal(1, cube.Hits);
        Assert.NotNull(cube.RowsInMemory);
        Assert.NotEmpty(fromObservations);
        Assert.Equal(Describe(fromObservations), Describe(fromCube));
    }

    [Theory]
    [MemberData(nameof(Fitting))]
    public void A_table_too_large_for_memory_answers_the_same_through_SQL(string name)
    {
        var warehouse = seed.Copy();
        var cube = new PreAggregates(warehouse, maxRowsInMemory: 10);
        cube.Build();

        var fromObservations = new Aggregator(warehouse).Run(Request(name));
        var fromTable = new Aggregator(warehouse, cube).Run(Request(name));

        Assert.Null(cube.RowsInMemory);
        Assert.Equal(1, cube.Hits);
        Assert.Equal(Describe(fromObservations), Describe(fromTable));
    }

    [Fact]
    public void Requests_the_table_cannot_answer_go_to_the_observations()
    {
        var warehouse = seed.Copy();
        var cube = new PreAggregates(warehouse);
        cube.Build();
        var aggregator = new Aggregator(warehouse, cube);
        var filter = new ObservationFilter(Indicators: ["STUNTING"]);

        aggregator.Run(new AggregateRequest(filter, [AggregateDimension.Year])); // every measure, median included
        aggregator.Run(new AggregateRequest(filter, [AggregateDimension.Year], Measures: Cheap)); // with the source lists
        aggregator.Run(new AggregateRequest(filter with { Regions = [RegionCode.Parse("64.74")] }, [AggregateDimension.Year], Measures: Cheap, IncludeSources: false));
        aggregator.Run(new AggregateRequest(filter with { AncestorCode = RegionCode.Parse("64.74") }, [AggregateDimension.Year], Measures: Cheap, IncludeSources: false));
        aggregator.Run(new AggregateRequest(filter, [AggregateDimension.Region], Measures: Cheap, IncludeSources: false));

        Assert.Equal(0, cube.Hits);
    }

    [Fact]
    public async Task After_an_import_the_new_value_is_answered_at_once_and_the_table_catches_up_in_the_background()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var cube = new PreAggregates(warehouse);
        cube.Build();
        var aggregator = new Aggregator(warehouse, cube);
        var request = Request("below a province by level and year");
        var before = aggregator.Run(request);
        Assert.Equal(1, cube.Hits);

        new Importer(warehouse).Import([seed.WriteFile("new.csv", """
            indicator,region_code,year,period,value,source_id
            STUNTING,64.74.01,2031,YEAR,9.5,SEED_BONTANG_2024
            """)]);
        var after = aggregator.Run(request);

        Assert.Equal(1, cube.Hits); // the old version's table is not used for the new version
        Assert.Contains(after, r => r.Key.Year == 2031 && r.Count == 1 && r.Mean == 9.5);
        Assert.DoesNotContain(before, r => r.Key.Year == 2031);

        await cube.BuildInBackground();
        var rebuilt = aggregator.Run(request);
        Assert.Equal(2, cube.Hits);
        Assert.Equal(warehouse.CurrentDataVersion(), cube.BuiltVersion);
        Assert.Equal(Describe(after), Describe(rebuilt));
    }

    [Fact]
    public void A_target_write_makes_a_new_data_version_but_leaves_the_table_serving_the_unchanged_observations()
    {
        var warehouse = seed.Copy();
        using var held = warehouse.KeepOpen();
        var cube = new PreAggregates(warehouse);
        var built = cube.Build();
        var aggregator = new Aggregator(warehouse, cube);
        var request = Request("below a province by level and year");
        var before = aggregator.Run(request);

        new Kencana.Warehouse.Targets.TargetWriter(warehouse).Set(
            new Kencana.Warehouse.Targets.TargetEdit("STUNTING", RegionCode.Parse("64.74"), 2029, 13.5, "RPJMD 2025-2029"),
            Kencana.Warehouse.Audit.AuditActor.CommandLine);

        Assert.True(warehouse.CurrentDataVersion() > built);
        var after = aggregator.Run(request);
        Assert.Equal(2, cube.Hits); // answered from the same table, not from the observations while it is built again
        Assert.Equal(built, cube.BuiltVersion);
        Assert.Equal(Describe(before), Describe(after));
    }

    [Fact]
    public void A_page_total_under_the_nation_or_a_province_comes_from_the_table_and_equals_the_count_of_observations()
    {
        var warehouse = seed.Copy();
        var cube = new PreAggregates(warehouse);
        cube.Build();
        ObservationFilter[] filters =
        [
            new(Indicators: ["STUNTING"], AncestorCode: RegionCode.Parse("64")),
            new(AncestorCode: RegionCode.Nation, FromYear: 2022, PreferredOnly: true),
            new(Levels: [RegionLevel.Province], Granularity: Granularity.Year),
            new(),
        ];

        var tooLarge = new PreAggregates(warehouse, maxRowsInMemory: 0);
        tooLarge.Build();

        foreach (var filter in filters)
        {
            Assert.Equal(new ObservationSearch(warehouse).Count(filter), new ObservationSearch(warehouse, cube).Count(filter));
            Assert.Equal(new ObservationSearch(warehouse).Count(filter), new ObservationSearch(warehouse, tooLarge).Count(filter));
        }
        Assert.Equal(filters.Length, tooLarge.Hits);
        Assert.Equal(filters.Length, cube.Hits);
        Assert.Equal(new ObservationSearch(warehouse).Count(filters[0] with { AncestorCode = RegionCode.Parse("64.74") }),
            new ObservationSearch(warehouse, cube).Count(filters[0] with { AncestorCode = RegionCode.Parse("64.74") }));
        Assert.Equal(filters.Length, cube.Hits); // below a kabupaten/kota: counted from the observations
    }

    [Fact]
    public async Task A_read_only_warehouse_answers_from_the_observations_and_tries_the_build_once()
    {
        var warehouse = new Kencana.Warehouse.Storage.WarehouseDatabase(seed.Copy().Path, readOnly: true);
        var cube = new PreAggregates(warehouse);
        var aggregator = new Aggregator(warehouse, cube);

        var answer = aggregator.Run(Request("nation by year"));
        await cube.BuildInBackground();

        Assert.Equal(Describe(new Aggregator(warehouse).Run(Request("nation by year"))), Describe(answer));
        Assert.Null(cube.BuiltVersion);
        Assert.NotNull(cube.LastError);
        Assert.Same(Task.CompletedTask, cube.BuildInBackground()); // no second attempt for the same version
        Assert.Equal(0, cube.Hits);
    }

    private static List<string> Describe(IEnumerable<AggregateRow> rows) =>
        [.. rows.Select(r => $"{r.Key} n={r.Count} min={r.Min} max={r.Max} mean={r.Mean} wmean={r.WeightedMean} wn={r.WeightedCount} synthetic={r.IsSynthetic}")];
}
