namespace Kencana.Server.HttpImport;

/// <summary>Imports over HTTP: the <c>Import</c> configuration section.</summary>
public sealed class HttpImportOptions
{
    public const string Section = "Import";

    /// <summary>Where uploads are staged for DuckDB to read; by default <c>kencana-import-USER</c> in the system temp directory.</summary>
    /// <remarks>The server's DuckDB reads files only in granted directories, and this is one.</remarks>
    public string? StagingDirectory { get; set; }

    /// <summary>The largest upload taken, in bytes (256 MiB).</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    public string ResolveStagingDirectory() =>
        Path.GetFullPath(StagingDirectory ?? Path.Combine(Path.GetTempPath(), $"kencana-import-{Environment.UserName}"));
}
