using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kencana.Bench;

/// <summary>
/// Writes an observations CSV of any size that the importer accepts row for row: real village codes, percent
/// indicators whose value agrees with numerator / denominator, and no two rows with the same key.
/// </summary>
internal static class SyntheticObservationFile
{
    public const string Header = "indicator,region_code,year,period,value,numerator,denominator,source_id,survey,note,synthetic";

    private const int FromYear = 2015;
    private const int ToYear = 2024;
    private const int ProgressEvery = 500_000;

    /// <summary>Percent indicators with a plausible national share, so values look like the real ones.</summary>
    private static readonly (string Code, double Share)[] Indicators = [("STUNTING", 0.25), ("UNMET_NEED", 0.15), ("MCPR", 0.57)];

    /// <summary>Years first, then months only as far as the row count needs.</summary>
    private static readonly string[] Periods = ["YEAR", .. Enumerable.Range(1, 12).Select(m => $"M{m:D2}")];

    /// <summary>The most rows the key space allows: every village, indicator, year and period once.</summary>
    public static long Capacity(int villages) => (long)villages * Indicators.Length * (ToYear - FromYear + 1) * Periods.Length;

    public static SyntheticCsv Write(string path, IReadOnlyList<string> villages, long rows, IProgress<string> progress)
    {
        var capacity = Capacity(villages.Count);
        if (rows > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows,
                $"{villages.Count:N0} villages x {Indicators.Length} indicators x {ToYear - FromYear + 1} years x {Periods.Length} periods give at most {capacity:N0} distinct rows.");
        }
        var clock = Stopwatch.StartNew();
        var random = new Random(20_150_101); // fixed, so two runs import the same file
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            long written = 0;
            foreach (var (indicator, region, year, period) in Keys(villages))
            {
                if (written == rows)
                {
                    break;
                }
                var denominator = random.Next(20, 401);
                var share = Math.Clamp(indicator.Share + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
                var numerator = (int)Math.Round(share * denominator);
                var value = 100.0 * numerator / denominator;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{indicator.Code},{region},{year},{period},{value:0.####},{numerator},{denominator},{BenchSourceFile.SourceId},Benchmark survey,,true"));
                if (++written % ProgressEvery == 0)
                {
                    progress.Report($"  observations CSV: {written:N0}/{rows:N0} rows written");
                }
            }
        }
        return new SyntheticCsv(path, rows, new FileInfo(path).Length, clock.Elapsed);
    }

    /// <summary>Every key once, periods outermost, so even a small file spreads over all villages.</summary>
    private static IEnumerable<((string Code, double Share) Indicator, string Region, int Year, string Period)> Keys(IReadOnlyList<string> villages)
    {
        foreach (var period in Periods)
        {
            for (var year = FromYear; year <= ToYear; year++)
            {
                foreach (var indicator in Indicators)
                {
                    foreach (var region in villages)
                    {
                        yield return (indicator, region, year, period);
                    }
                }
            }
        }
    }
}
