namespace Kencana.Warehouse.Import;

/// <summary>One problem found in an import file, located as precisely as the file allows.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The line in a CSV file (the header is line 1) or the row in a Parquet file; null for the whole file.</param>
/// <param name="Column">The column, when one is at fault.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
public sealed record ImportError(string File, long? Line, string? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}:{Line}";
        return Column is null ? $"{where}: {Message}" : $"{where}: column '{Column}': {Message}";
    }
}
