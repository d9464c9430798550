using System.Diagnostics;
using Kencana.Warehouse.Seed;

namespace Kencana.Bench;

/// <summary>Builds the warehouse from the seed, as a first start of the server does, against DuckDB loading the largest seed file alone.</summary>
internal static class SeedLoadScenario
{
    public const string Name = "Seed load";

    public static SeedLoadResult Run(SeedFiles seed, WorkDirectory work, IProgress<string> progress)
    {
        var warehouse = work.Scratch("seed.duckdb");
        var runs = new List<TimeSpan>();
        SeedOutcome? outcome = null;
        for (var run = 1; run <= BenchOptions.SeedRepeats; run++)
        {
            progress.Report($"{Name} {run}/{BenchOptions.SeedRepeats}: SeedLoader.Build");
            using var beat = new Heartbeat(progress, $"seed load {run}");
            var clock = Stopwatch.StartNew();
            outcome = SeedLoader.Build(warehouse, seed, progress);
            runs.Add(clock.Elapsed);
        }

        // regions.csv today; chosen by size so the baseline keeps meaning "the biggest read" if the seed changes.
        var largest = SeedFiles.Names.MaxBy(name => new FileInfo(seed[name]).Length)!;
        var baselines = new List<BaselineRun>();
        for (var run = 1; run <= BenchOptions.SeedRepeats; run++)
        {
            progress.Report($"{Name} baseline {run}/{BenchOptions.SeedRepeats}: DuckDB alone reads {largest}");
            baselines.Add(BareDuckDb.TimeInFreshDatabase(
                work.Scratch("baseline-seed.duckdb"), "r", "SELECT * FROM read_csv($path)", ("path", seed[largest])));
        }
        return new SeedLoadResult(warehouse, new FileInfo(warehouse).Length, outcome!.ObservationRows, runs, largest, baselines);
    }
}
