namespace Kencana.Warehouse.Import;

/// <summary>An import file read into the temporary table <c>import_stage</c>, every column as text.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="IsCsv">True for CSV (errors are located by line), false for Parquet (by row).</param>
/// <param name="Kind">What the file holds.</param>
/// <param name="Rows">Data rows staged.</param>
/// <param name="FileColumns">The file's own name of each canonical column present, for error messages.</param>
/// <param name="IgnoredColumns">Columns of the file that no import uses.</param>
/// <param name="StructuralErrors">Rows the CSV reader rejected (wrong number of columns, broken quoting).</param>
internal sealed record StagedFile(
    string Path,
    bool IsCsv,
    ImportKind Kind,
    long Rows,
    IReadOnlyDictionary<string, string> FileColumns,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportError> StructuralErrors)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
