using System.CommandLine;
using Kencana.Warehouse.Model;

namespace Kencana.Bench;

/// <summary>Turns the command line into <see cref="BenchOptions"/>, defaulting paths to the repository the run starts in.</summary>
internal static class BenchCommandLine
{
    private const long DefaultImportRows = 2_000_000;

    public static int Run(string[] args, Func<BenchOptions, int> run)
    {
        var seedDirectory = new Option<DirectoryInfo?>("--seed-dir")
        {
            Description = "The seed directory; default: data/seed, found by walking up from the current directory.",
        };
        var work = new Option<DirectoryInfo?>("--work")
        {
            Description = "Where scratch files go; default: bench/out/ of the repository (gitignored).",
        };
        var rows = new Option<long>("--rows")
        {
            Description = "Rows of the synthetic observations CSV for the import scenario.",
            DefaultValueFactory = _ => DefaultImportRows,
        };
        rows.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--rows must be at least 1.");
            }
        });
        var generator = new Option<string>("--generator")
        {
            Description = "The generator scenario's level, month by month over 2015-2024. village writes about 87 million rows: minutes and a couple of GB.",
            DefaultValueFactory = _ => "regency",
        };
        generator.AcceptOnlyFromAmong("regency", "district", "village");
        var keep = new Option<bool>("--keep") { Description = "Keep the scratch files (warehouses, CSVs, baseline databases) after the run." };

        var root = new RootCommand("Measures seed load, CSV import and synthetic generation against bare DuckDB in one run; prints a Markdown table.")
        {
            seedDirectory, work, rows, generator, keep,
        };
        root.SetAction(parse =>
        {
            var repository = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
            var seed = parse.GetValue(seedDirectory)?.FullName ?? repository?.SeedDirectory;
            if (seed is null)
            {
                Console.Error.WriteLine("No data/seed found above the current directory; run inside the repository or pass --seed-dir.");
                return 2;
            }
            var options = new BenchOptions(
                seed,
                parse.GetValue(work)?.FullName ?? repository?.BenchOutDirectory ?? Path.GetFullPath(Path.Combine("bench", "out")),
                parse.GetValue(rows),
                RegionLevels.FromStorageName(parse.GetValue(generator)!),
                parse.GetValue(keep));
            return run(options);
        });
        return root.Parse(args).Invoke();
    }
}
