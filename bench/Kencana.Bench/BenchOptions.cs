using Kencana.Warehouse.Model;

namespace Kencana.Bench;

/// <summary>What one benchmark run measures and where it writes.</summary>
/// <param name="SeedDirectory">The seed the warehouse is built from (<c>data/seed</c>).</param>
/// <param name="WorkDirectory">Where scratch files go; every DuckDB file and CSV of the run lives here.</param>
/// <param name="ImportRows">Rows in the synthetic observations CSV of the import scenario.</param>
/// <param name="GeneratorLevel">The level the generator scenario fills, month by month over <see cref="GeneratorYears"/>.</param>
/// <param name="Keep">Leave the scratch files in place for inspection.</param>
internal sealed record BenchOptions(string SeedDirectory, string WorkDirectory, long ImportRows, RegionLevel GeneratorLevel, bool Keep)
{
    /// <summary>The years of the generator scenario: the decade the scale target is stated for.</summary>
    public static (int From, int To) GeneratorYears => (2015, 2024);

    /// <summary>How often the seed load and its baseline run; the median damps one-off stalls.</summary>
    public const int SeedRepeats = 3;

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public string Describe() =>
        $"--rows {ImportRows} --generator {GeneratorLevel.ToStorageName()}{(Keep ? " --keep" : "")}";
}
