using Kencana.Warehouse.Import;

namespace Kencana.Bench;

/// <summary>The import of the synthetic files, their re-import, and bare DuckDB reading the same CSV.</summary>
internal sealed record ImportResult(
    SyntheticCsv Csv,
    ImportReport First,
    TimeSpan FirstWallClock,
    ImportReport Again,
    TimeSpan AgainWallClock,
    BaselineRun Baseline,
    long WarehouseBytes) : IScenarioResult
{
    /// <summary>Observation rows the importer read; the one-row sources file is left out of the rate.</summary>
    private long ObservationRowsRead => First.Files.Where(f => f.Kind == ImportKind.Observations).Sum(f => f.RowsRead);

    private double Rate => Quantity.Rate(ObservationRowsRead, First.Elapsed);

    private double BaselineRate => Quantity.Rate(Csv.Rows, Baseline.Elapsed);

    public IEnumerable<SummaryRow> Summary() =>
    [
        new SummaryRow(
            $"{ImportScenario.Name}: {Quantity.Count(Csv.Rows)} observations, Importer.Import",
            $"{Quantity.RowsPerSecond(Rate)} ({Quantity.Seconds(First.Elapsed)})",
            $"{Quantity.RowsPerSecond(BaselineRate)} ({Quantity.Seconds(Baseline.Elapsed)}): CREATE TABLE AS read_csv",
            Quantity.Ratio(Rate / BaselineRate, "rate")),
        new SummaryRow(
            $"{ImportScenario.Name}: same files again (skipped by SHA-256)",
            Quantity.Seconds(Again.Elapsed),
            "-",
            "-"),
    ];

    public IEnumerable<DetailRow> Details()
    {
        yield return new DetailRow(ImportScenario.Name, "observations CSV", $"{Quantity.MiB(Csv.Bytes)}, {Quantity.BytesPerRow(Csv.Bytes, Csv.Rows)}, written in {Quantity.Seconds(Csv.Elapsed)}");
        foreach (var file in First.Files)
        {
            yield return new DetailRow(ImportScenario.Name, $"import {file.File}",
                $"{Quantity.Count(file.RowsRead)} read, {Quantity.Count(file.RowsAdded)} added, {Quantity.Count(file.RowsAlreadyPresent)} already present, data version {file.DataVersion}");
        }
        yield return new DetailRow(ImportScenario.Name, "import, wall clock with connection open/close", Quantity.Seconds(FirstWallClock));
        yield return new DetailRow(ImportScenario.Name, "warehouse file after import", Quantity.MiB(WarehouseBytes));
        yield return new DetailRow(ImportScenario.Name, "re-import, wall clock", Quantity.Seconds(AgainWallClock));
        yield return new DetailRow(ImportScenario.Name, "re-import files skipped as already imported",
            $"{Again.Files.Count(f => f.AlreadyImported)} of {Again.Files.Count}; {Quantity.Count(Again.RowsRead)} rows read, {Quantity.Count(Again.RowsAdded)} added");
        yield return new DetailRow(ImportScenario.Name, "DuckDB alone: rows, file", $"{Quantity.Count(Baseline.Rows)} rows, {Quantity.MiB(Baseline.FileBytes)}");
    }
}
