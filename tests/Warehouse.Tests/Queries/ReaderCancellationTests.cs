using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Targets;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Queries;

/// <summary>
/// Every reader hands the caller's cancellation token to DuckDB, so a request past its time limit stops its
/// statements: with the token already cancelled, none of them runs a statement at all.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class ReaderCancellationTests(SeedWarehouseFixture seed)
{
    private static readonly RegionCode Kaltim = RegionCode.Parse("64");
    private static readonly RegionCode Bontang = RegionCode.Parse("64.74");

    public static TheoryData<string> Readers() =>
    [
        "series", "series targets", "series batch", "targets batch", "region", "regions", "region list", "children", "child counts",
        "scorecards", "rollup", "targets", "panel", "achievement", "indicators", "observations", "aggregate",
    ];

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_cancelled_token_stops_the_reader_before_its_statement(string reader)
    {
        var database = seed.Database;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var token = cancelled.Token;
        Action read = reader switch
        {
            "series" => () => new SeriesReader(database).GetObservations("STUNTING", Bontang, cancellationToken: token),
            "series targets" => () => new SeriesReader(database).GetTargets("STUNTING", Bontang, token),
            "series batch" => () => new SeriesReader(database).GetObservations("STUNTING", [Bontang, Kaltim], cancellationToken: token),
            "targets batch" => () => new SeriesReader(database).GetTargets("STUNTING", [Bontang, Kaltim], token),
            "region" => () => new RegionDirectory(database).Find(Bontang, token),
            "regions" => () => new RegionDirectory(database).FindMany([Bontang], token),
            "region list" => () => new RegionDirectory(database).List(null, Kaltim, cancellationToken: token),
            "children" => () => new RegionDirectory(database).ChildrenOf([Kaltim], token),
            "child counts" => () => new RegionDirectory(database).CountChildren([Kaltim], token),
            "scorecards" => () => new ScorecardReader(database).ForRegions([Bontang], new Period(2023), cancellationToken: token),
            "rollup" => () => new RollupCalculator(database).Rollup("STUNTING", Kaltim, new Period(2022), token),
            "targets" => () => new TargetFinder(database).Find("STUNTING", [Bontang], new Period(2029), cancellationToken: token),
            "panel" => () => new PanelReader(database).GetYearly("STUNTING", token),
            "achievement" => () => new AchievementRanking(database).Rank("STUNTING", new Period(2022), Kaltim, null, cancellationToken: token),
            "indicators" => () => new IndicatorCatalog(database).GetAll(token),
            "observations" => () => new ObservationSearch(database).Page(new ObservationFilter(AncestorCode: Kaltim), ObservationOrder.RegionThenPeriod, 10, 0, token),
            "aggregate" => () => new Aggregator(database).Run(
                new AggregateRequest(new ObservationFilter(Indicators: ["STUNTING"]), [AggregateDimension.Year], null, null, false, 10, 0), token),
            _ => throw new ArgumentOutOfRangeException(nameof(reader)),
        };
        Assert.ThrowsAny<OperationCanceledException>(read);
    }
}
