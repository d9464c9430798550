using Kencana.Warehouse.Seed;

namespace Kencana.Bench;

/// <summary>Runs the scenarios in order, prints the report, and removes the scratch files unless asked to keep them.</summary>
internal static class BenchRun
{
    public static int Execute(BenchOptions options)
    {
        var progress = new StderrProgress();
        var environment = RunEnvironment.Capture();
        var work = new WorkDirectory(options.WorkDirectory);
        progress.Report($"{environment.Describe()}; 1-minute load average {environment.LoadAtStart}");
        progress.Report($"seed {options.SeedDirectory}; scratch files in {work.Path}");
        var seed = SeedFiles.Open(options.SeedDirectory);

        var results = new List<IScenarioResult>();
        try
        {
            var seedLoad = Attempt(SeedLoadScenario.Name, progress, () => SeedLoadScenario.Run(seed, work, progress));
            results.Add(seedLoad);
            results.Add(seedLoad is SeedLoadResult loaded
                ? Attempt(ImportScenario.Name, progress, () => ImportScenario.Run(loaded.WarehousePath, options.ImportRows, work, progress))
                : new ScenarioFailure(ImportScenario.Name, "not run: it imports into a copy of the seed warehouse, which did not build"));
            results.Add(Attempt(GeneratorScenario.Name, progress, () => GeneratorScenario.Run(options.GeneratorLevel, seed, work, progress)));
        }
        finally
        {
            if (options.Keep)
            {
                progress.Report($"kept {Quantity.MiB(work.ScratchBytes())} of scratch files in {work.Path}");
            }
            else
            {
                progress.Report($"removing {Quantity.MiB(work.ScratchBytes())} of scratch files (pass --keep to keep them)");
                work.Clean();
            }
        }

        Console.Out.Write(MarkdownReport.Render(environment, options, results));
        return results.Any(r => r is ScenarioFailure) ? 1 : 0;
    }

    /// <summary>
    /// A failing scenario becomes a row of the report with its error, and the next scenario still runs: a broken
    /// importer should not hide the generator's numbers.
    /// </summary>
    private static IScenarioResult Attempt(string scenario, StderrProgress progress, Func<IScenarioResult> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            progress.Report($"{scenario} FAILED: {ex}");
            return new ScenarioFailure(scenario, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
