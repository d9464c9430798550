using Kencana.Warehouse.Import;

namespace Kencana.Bench;

/// <summary>One round of the import scenario: the import and bare DuckDB reading the same CSV, run side by side.</summary>
internal sealed record ImportRound(ImportReport Report, TimeSpan WallClock, BaselineRun Baseline)
{
    /// <summary>Observation rows the importer read; the one-row sources file is left out of the rate.</summary>
    public long ObservationRowsRead => Report.Files.Where(f => f.Kind == ImportKind.Observations).Sum(f => f.RowsRead);

    public double Rate => Quantity.Rate(ObservationRowsRead, Report.Elapsed);

    public double BaselineRate(long rows) => Quantity.Rate(rows, Baseline.Elapsed);
}

/// <summary>The rounds of importing the synthetic files, their re-import, and bare DuckDB reading the same CSV.</summary>
internal sealed record ImportResult(
    SyntheticCsv Csv,
    IReadOnlyList<ImportRound> Rounds,
    ImportReport Again,
    TimeSpan AgainWallClock,
    long WarehouseBytes) : IScenarioResult
{
    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private TimeSpan MedianElapsed => Median.Of([.. Rounds.Select(r => r.Report.Elapsed)]);

    private TimeSpan MedianBaseline => Median.Of([.. Rounds.Select(r => r.Baseline.Elapsed)]);

    /// <summary>The median of the rounds' ratios: each ratio compares two runs minutes apart at most.</summary>
    private double MedianRatio => MedianOf(Rounds.Select(r => r.Rate / r.BaselineRate(Csv.Rows)));

    public IEnumerable<SummaryRow> Summary() =>
    [
        new SummaryRow(
            $"{ImportScenario.Name}: {Quantity.Count(Csv.Rows)} observations, Importer.Import, median of {Rounds.Count}",
            $"{Quantity.RowsPerSecond(Rounds[0].ObservationRowsRead, MedianElapsed)} ({Quantity.Seconds(MedianElapsed)})",
            $"{Quantity.RowsPerSecond(Csv.Rows, MedianBaseline)} ({Quantity.Seconds(MedianBaseline)}): CREATE TABLE AS read_csv, median of {Rounds.Count}",
            Quantity.Ratio(MedianRatio, "rate") + $" (median of the {Rounds.Count} rounds' ratios)"),
        new SummaryRow(
            $"{ImportScenario.Name}: same files again (skipped by SHA-256)",
            Quantity.Seconds(Again.Elapsed),
            "-",
            "-"),
    ];

    public IEnumerable<DetailRow> Details()
    {
        yield return new DetailRow(ImportScenario.Name, "observations CSV", $"{Quantity.MiB(Csv.Bytes)}, {Quantity.BytesPerRow(Csv.Bytes, Csv.Rows)}, written in {Quantity.Seconds(Csv.Elapsed)}");
        foreach (var file in Rounds[^1].Report.Files)
        {
            yield return new DetailRow(ImportScenario.Name, $"import {file.File}",
                $"{Quantity.Count(file.RowsRead)} read, {Quantity.Count(file.RowsAdded)} added, {Quantity.Count(file.RowsAlreadyPresent)} already present, data version {file.DataVersion}");
        }
        yield return new DetailRow(ImportScenario.Name, "rounds: import / DuckDB alone = rate ratio",
            string.Join("; ", Rounds.Select(r => $"{Quantity.Seconds(r.Report.Elapsed)} / {Quantity.Seconds(r.Baseline.Elapsed)} = {r.Rate / r.BaselineRate(Csv.Rows):F2}x")));
        yield return new DetailRow(ImportScenario.Name, "import, wall clock with connection open/close", string.Join(", ", Rounds.Select(r => Quantity.Seconds(r.WallClock))));
        yield return new DetailRow(ImportScenario.Name, "warehouse file after import", Quantity.MiB(WarehouseBytes));
        yield return new DetailRow(ImportScenario.Name, "re-import, wall clock", Quantity.Seconds(AgainWallClock));
        yield return new DetailRow(ImportScenario.Name, "re-import files skipped as already imported",
            $"{Again.Files.Count(f => f.AlreadyImported)} of {Again.Files.Count}; {Quantity.Count(Again.RowsRead)} rows read, {Quantity.Count(Again.RowsAdded)} added");
        yield return new DetailRow(ImportScenario.Name, "DuckDB alone: rows, file", $"{Quantity.Count(Rounds[^1].Baseline.Rows)} rows, {Quantity.MiB(Rounds[^1].Baseline.FileBytes)}");
    }
}
