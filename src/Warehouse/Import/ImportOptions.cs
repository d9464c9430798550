namespace Kencana.Warehouse.Import;

/// <summary>How an import treats its files.</summary>
public sealed record ImportOptions
{
    /// <summary>Mark every imported observation synthetic, whatever the file says (for generated demo files).</summary>
    public bool MarkSynthetic { get; init; }

    /// <summary>Load even when the same file (by SHA-256) was imported before; rows already present are still skipped.</summary>
    public bool Force { get; init; }

    /// <summary>Who imports, for the audit trail; the command line's user when null.</summary>
    public Audit.AuditActor? Actor { get; init; }

    /// <summary>
    /// Check on the careful path from the start, which lists every error with its line, instead of first trying the
    /// one-pass path for files without errors; the result is the same either way (tests compare the two).
    /// </summary>
    internal bool ExpectErrors { get; init; }

    /// <summary>The kind to describe the data version with (<c>import</c> unless the seed loader says <c>seed</c>).</summary>
    internal string VersionKind { get; init; } = "import";
}
