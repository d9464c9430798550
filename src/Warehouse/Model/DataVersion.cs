namespace Kencana.Warehouse.Model;

/// <summary>One successful load of data into the warehouse; later features cache by it and answer "as of".</summary>
/// <param name="Number">The version number, increasing by one per load.</param>
/// <param name="LoadedAt">When the load committed (UTC).</param>
/// <param name="Kind">What loaded it: <c>seed</c>, <c>import</c> or <c>generate</c>.</param>
/// <param name="Description">What was loaded, for people.</param>
/// <param name="FileName">The loaded file, for imports.</param>
/// <param name="FileSha256">The SHA-256 of the loaded file or files.</param>
/// <param name="ObservationRows">Observation rows added.</param>
/// <param name="TargetRows">Target rows added.</param>
/// <param name="SourceRows">Source rows added.</param>
public sealed record DataVersion(
    int Number,
    DateTime LoadedAt,
    string Kind,
    string Description,
    string? FileName,
    string? FileSha256,
    long ObservationRows,
    long TargetRows,
    long SourceRows);
