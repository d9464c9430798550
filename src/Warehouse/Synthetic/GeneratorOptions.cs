using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Synthetic;

/// <summary>What the synthetic panel generator writes.</summary>
/// <param name="Level">The level every region of which gets a series; <see cref="RegionLevel.Regency"/> includes kota.</param>
/// <param name="FromYear">The first year.</param>
/// <param name="ToYear">The last year.</param>
/// <param name="Granularity">One value per year, quarter or month.</param>
/// <param name="Seed">The same seed gives the same panel, value for value.</param>
/// <param name="OutputPath">The new warehouse file; an existing file there is replaced.</param>
/// <param name="Indicators">Which indicators; null for <see cref="SyntheticIndicator.Core"/>.</param>
public sealed record GeneratorOptions(
    RegionLevel Level,
    int FromYear,
    int ToYear,
    Granularity Granularity,
    int Seed,
    string OutputPath,
    IReadOnlyList<string>? Indicators = null);

/// <summary>What the generator wrote.</summary>
/// <param name="Path">The warehouse file.</param>
/// <param name="Rows">Observation rows, all levels.</param>
/// <param name="LevelRows">Rows at the generated level.</param>
/// <param name="Elapsed">Generation time, writing included.</param>
/// <param name="FileBytes">The size of the file.</param>
public sealed record GeneratorReport(string Path, long Rows, long LevelRows, TimeSpan Elapsed, long FileBytes)
{
    /// <summary>Rows written per second.</summary>
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
