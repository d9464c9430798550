namespace Kencana.Bench;

/// <summary>A generated CSV file and what writing it cost.</summary>
internal sealed record SyntheticCsv(string Path, long Rows, long Bytes, TimeSpan Elapsed);
