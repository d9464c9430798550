namespace Kencana.Bench;

/// <summary>The seed load timings and the warehouse the last build left, which the import scenario starts from.</summary>
internal sealed record SeedLoadResult(
    string WarehousePath,
    long WarehouseBytes,
    long ObservationRows,
    IReadOnlyList<TimeSpan> Runs,
    string BaselineFile,
    IReadOnlyList<BaselineRun> BaselineRuns) : IScenarioResult
{
    public TimeSpan Median => Bench.Median.Of(Runs);

    public TimeSpan BaselineMedian => Bench.Median.Of([.. BaselineRuns.Select(b => b.Elapsed)]);

    public IEnumerable<SummaryRow> Summary() =>
    [
        new SummaryRow(
            $"{SeedLoadScenario.Name}: SeedLoader.Build, median of {Runs.Count}",
            Quantity.Seconds(Median),
            $"{Quantity.Seconds(BaselineMedian)}: CREATE TABLE AS read_csv({BaselineFile}), median of {BaselineRuns.Count}",
            Quantity.Ratio(Median / BaselineMedian, "time")),
    ];

    public IEnumerable<DetailRow> Details() =>
    [
        new DetailRow(SeedLoadScenario.Name, "SeedLoader.Build runs", string.Join(", ", Runs.Select(Quantity.Seconds))),
        new DetailRow(SeedLoadScenario.Name, "warehouse file", $"{Quantity.MiB(WarehouseBytes)}, {Quantity.Count(ObservationRows)} seed observations"),
        new DetailRow(SeedLoadScenario.Name, $"DuckDB alone, {BaselineFile} runs", string.Join(", ", BaselineRuns.Select(b => Quantity.Seconds(b.Elapsed)))),
        new DetailRow(SeedLoadScenario.Name, $"DuckDB alone, {BaselineFile} rows", Quantity.Count(BaselineRuns[^1].Rows)),
    ];
}
