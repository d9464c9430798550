namespace Kencana.Warehouse.Import;

/// <summary>An import file read into a temporary staging table, every column as text.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="IsCsv">True for CSV (errors are located by line), false for Parquet (by row).</param>
/// <param name="Kind">What the file holds.</param>
/// <param name="Rows">Data rows staged.</param>
/// <param name="CanonicalSelect">A SELECT of the staging table with <c>row_index</c> (the record's position in the
/// file, from 0) and every column of <see cref="Kind"/> under its canonical name, as text; the checks read it as the
/// view <c>import_stage</c>.</param>
/// <param name="FileColumns">The file's own name of each canonical column present, for error messages.</param>
/// <param name="IgnoredColumns">Columns of the file that no import uses.</param>
/// <param name="StructuralErrors">Rows the CSV reader rejected (wrong number of columns, broken quoting), one error per row.</param>
/// <param name="RejectedLines">The lines of those rows, which are not in the staging table.</param>
internal sealed record StagedFile(
    string Path,
    bool IsCsv,
    ImportKind Kind,
    long Rows,
    string CanonicalSelect,
    IReadOnlyDictionary<string, string> FileColumns,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportError> StructuralErrors,
    IReadOnlySet<long> RejectedLines)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
