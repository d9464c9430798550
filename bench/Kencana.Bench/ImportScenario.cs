using System.Diagnostics;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;

namespace Kencana.Bench;

/// <summary>
/// Imports a large synthetic observations CSV into a copy of the seed warehouse through the public
/// <see cref="Importer"/>, against DuckDB reading the same file into a bare table; then imports the same files again.
/// </summary>
/// <remarks>
/// The import and its baseline run <see cref="Rounds"/> times, side by side and in alternating order, each into a fresh
/// file: on a shared machine one run of each, minutes apart, moved the ratio by a factor of two.
/// </remarks>
internal static class ImportScenario
{
    public const string Name = "CSV import";

    /// <summary>How many times the import and its baseline run; the median of the rounds' ratios is reported.</summary>
    public const int Rounds = 3;

    public static ImportResult Run(string seedWarehouse, long rows, WorkDirectory work, IProgress<string> progress)
    {
        progress.Report($"{Name}: reading village codes from the seed warehouse");
        var villages = VillageCodes.Read(seedWarehouse);
        var sources = BenchSourceFile.Write(work.Scratch("bench-sources.csv"));
        progress.Report($"{Name}: writing {rows:N0} synthetic observations over {villages.Count:N0} villages");
        var csv = SyntheticObservationFile.Write(work.Scratch("bench-observations.csv"), villages, rows, progress);
        progress.Report($"{Name}: {Quantity.MiB(csv.Bytes)} written in {Quantity.Seconds(csv.Elapsed)}");

        var options = new ImportOptions { MarkSynthetic = true };
        string[] files = [sources, csv.Path];
        var rounds = new List<ImportRound>();
        string warehouse = "";
        for (var round = 1; round <= Rounds; round++)
        {
            BaselineRun Baseline()
            {
                progress.Report($"{Name} baseline {round}/{Rounds}: DuckDB alone reads the CSV into a fresh database");
                using var beat = new Heartbeat(progress, "baseline read_csv");
                return BareDuckDb.TimeInFreshDatabase(work.Scratch("baseline-import.duckdb"), "t", "SELECT * FROM read_csv($path)", ("path", csv.Path));
            }

            (ImportReport Report, TimeSpan WallClock) Import()
            {
                warehouse = work.Scratch("import.duckdb");
                File.Copy(seedWarehouse, warehouse);
                progress.Report($"{Name} {round}/{Rounds}: Importer.Import into a copy of the seed warehouse");
                return TimedImport(new Importer(new WarehouseDatabase(warehouse)), files, options, progress, "import");
            }

            // Alternating which goes first spreads a slow stretch of the machine over both sides.
            if (round % 2 == 1)
            {
                var baseline = Baseline();
                var (report, wallClock) = Import();
                rounds.Add(new ImportRound(report, wallClock, baseline));
            }
            else
            {
                var (report, wallClock) = Import();
                rounds.Add(new ImportRound(report, wallClock, Baseline()));
            }
        }

        progress.Report($"{Name}: the same files again (expected: skipped by SHA-256)");
        var again = TimedImport(new Importer(new WarehouseDatabase(warehouse)), files, options, progress, "re-import");
        return new ImportResult(csv, rounds, again.Report, again.WallClock, new FileInfo(warehouse).Length);
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
