namespace Kencana.Warehouse.Import;

/// <summary>
/// An observations file read straight into typed columns (<see cref="ObservationRows.StageParsed"/>) for an import
/// that expects no errors; its rows carry no line numbers, so any error sends the import down the careful path.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Table">The temporary table holding the parsed rows.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="IgnoredColumns">Columns of the file that no import uses.</param>
internal sealed record ParsedObservationFile(string Path, string Table, long Rows, IReadOnlyList<string> IgnoredColumns)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
