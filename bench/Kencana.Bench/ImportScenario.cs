using System.Diagnostics;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;

namespace Kencana.Bench;

/// <summary>
/// Imports a large synthetic observations CSV into a copy of the seed warehouse through the public
/// <see cref="Importer"/>, against DuckDB reading the same file into a bare table; then imports the same files again.
/// </summary>
internal static class ImportScenario
{
    public const string Name = "CSV import";

    public static ImportResult Run(string seedWarehouse, long rows, WorkDirectory work, IProgress<string> progress)
    {
        progress.Report($"{Name}: reading village codes from the seed warehouse");
        var villages = VillageCodes.Read(seedWarehouse);
        var sources = BenchSourceFile.Write(work.Scratch("bench-sources.csv"));
        progress.Report($"{Name}: writing {rows:N0} synthetic observations over {villages.Count:N0} villages");
        var csv = SyntheticObservationFile.Write(work.Scratch("bench-observations.csv"), villages, rows, progress);
        progress.Report($"{Name}: {Quantity.MiB(csv.Bytes)} written in {Quantity.Seconds(csv.Elapsed)}");

        progress.Report($"{Name} baseline: DuckDB alone reads the CSV into a fresh database");
        BaselineRun baseline;
        using (new Heartbeat(progress, "baseline read_csv"))
        {
            baseline = BareDuckDb.TimeInFreshDatabase(
                work.Scratch("baseline-import.duckdb"), "t", "SELECT * FROM read_csv($path)", ("path", csv.Path));
        }

        var warehouse = work.Scratch("import.duckdb");
        File.Copy(seedWarehouse, warehouse);
        var importer = new Importer(new WarehouseDatabase(warehouse));
        var options = new ImportOptions { MarkSynthetic = true };
        string[] files = [sources, csv.Path];

        progress.Report($"{Name}: Importer.Import into a copy of the seed warehouse");
        var first = TimedImport(importer, files, options, progress, "import");
        progress.Report($"{Name}: the same files again (expected: skipped by SHA-256)");
        var again = TimedImport(importer, files, options, progress, "re-import");
        return new ImportResult(csv, first.Report, first.WallClock, again.Report, again.WallClock, baseline, new FileInfo(warehouse).Length);
    }

    /// <summary>Also times the call from outside: the report's own clock leaves out opening and closing the connection.</summary>
    private static (ImportReport Report, TimeSpan WallClock) TimedImport(
        Importer importer, string[] files, ImportOptions options, IProgress<string> progress, string step)
    {
        using var beat = new Heartbeat(progress, step);
        var clock = Stopwatch.StartNew();
        var report = importer.Import(files, options, progress);
        return (report, clock.Elapsed);
    }
}
