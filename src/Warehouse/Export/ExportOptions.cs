namespace Kencana.Warehouse.Export;

/// <summary>How exports are written; bound from the <c>Export</c> configuration section.</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Export";

    /// <summary>The Parquet compressions DuckDB writes and BI tools read.</summary>
    public static IReadOnlyList<string> ParquetCompressions { get; } = ["snappy", "zstd", "gzip", "uncompressed"];

    /// <summary>
    /// The Parquet compression: <c>snappy</c> (the default, which every Parquet reader, Power BI included, can
    /// read), <c>zstd</c> (smaller, slower to write), <c>gzip</c> or <c>uncompressed</c>.
    /// </summary>
    public string ParquetCompression { get; set; } = "snappy";

    /// <summary>
    /// Stream Parquet and CSV, which DuckDB writes, through a named pipe that DuckDB writes while the response reads
    /// (Linux and macOS): the first bytes leave at once and nothing lands on disk. Off, or on Windows, DuckDB writes a
    /// temporary file that is streamed and then deleted.
    /// </summary>
    public bool ParquetThroughPipe { get; set; } = true;

    /// <summary>
    /// Where the pipe or temporary file is made; by default a <c>kencana-export-USER</c> directory in the system temp
    /// directory. The server's DuckDB may write files here and nowhere else outside the warehouse.
    /// </summary>
    public string? TempDirectory { get; set; }

    /// <summary>The directory exports are written through: <see cref="TempDirectory"/>, or the default.</summary>
    public string ResolveTempDirectory() =>
        Path.GetFullPath(TempDirectory ?? Path.Combine(Path.GetTempPath(), $"kencana-export-{Environment.UserName}"));

    /// <summary>Checks the options, naming the setting at fault.</summary>
    /// <exception cref="ArgumentException">A setting has a value that cannot be used.</exception>
    public void Validate()
    {
        if (!ParquetCompressions.Contains(ParquetCompression))
        {
            throw new ArgumentException(
                $"Export:ParquetCompression '{ParquetCompression}' is not one of {string.Join(", ", ParquetCompressions)}.");
        }
    }
}
