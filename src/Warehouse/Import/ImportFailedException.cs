namespace Kencana.Warehouse.Import;

/// <summary>An import found problems and changed nothing.</summary>
public sealed class ImportFailedException : Exception
{
    /// <summary>Creates the exception from the first errors and the total count.</summary>
    public ImportFailedException(IReadOnlyList<ImportError> errors, long totalErrors)
        : base(Describe(errors, totalErrors))
    {
        Errors = errors;
        TotalErrors = totalErrors;
    }

    /// <summary>The first errors, in file and line order (at most <see cref="Importer.MaxReportedErrors"/>).</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>How many errors there were in all.</summary>
    public long TotalErrors { get; }

    private static string Describe(IReadOnlyList<ImportError> errors, long total)
    {
        var lines = errors.Select(e => "  " + e).ToList();
        if (total > errors.Count)
        {
            lines.Add($"  ... and {total - errors.Count} more");
        }
        return $"Import failed with {total} error(s); the warehouse is unchanged.{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
