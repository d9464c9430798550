using Kencana.Warehouse.Model;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Synthetic;

namespace Kencana.Bench;

/// <summary>
/// Writes a synthetic panel, one level month by month, with <see cref="PanelGenerator"/>, against DuckDB writing
/// as many rows of a trivial two-column table.
/// </summary>
internal static class GeneratorScenario
{
    public const string Name = "Generator";

    /// <summary>Fixed, so runs on different days write the same panel.</summary>
    private const int RandomSeed = 1;

    public static GeneratorResult Run(RegionLevel level, SeedFiles seed, WorkDirectory work, IProgress<string> progress)
    {
        var (from, to) = BenchOptions.GeneratorYears;
        var options = new GeneratorOptions(level, from, to, Granularity.Month, RandomSeed, work.Scratch($"generated-{level.ToStorageName()}.duckdb"));
        progress.Report($"{Name}: PanelGenerator.Generate {level.ToStorageName()} x month {from}-{to}");
        GeneratorReport report;
        using (new Heartbeat(progress, "generator"))
        {
            report = PanelGenerator.Generate(options, seed.Directory, progress);
        }
        progress.Report($"{Name}: {report.Rows:N0} rows in {Quantity.Seconds(report.Elapsed)}");

        progress.Report($"{Name} baseline: DuckDB alone writes {report.Rows:N0} rows of a trivial table");
        BaselineRun baseline;
        using (new Heartbeat(progress, "baseline range(N)"))
        {
            baseline = BareDuckDb.TimeInFreshDatabase(
                work.Scratch("baseline-generator.duckdb"),
                "x",
                "SELECT range AS a, random() AS b FROM range($rows)",
                ("rows", report.Rows));
        }
        return new GeneratorResult(options, report, baseline);
    }
}
