namespace Kencana.Warehouse.Export;

/// <summary>
/// The words of a spreadsheet export in one language: sheet names, the header of each column and of the sources
/// sheet. The host supplies them from its texts; <see cref="ColumnNames"/> writes the columns' own names.
/// </summary>
/// <param name="DataSheet">The name of the sheet of rows.</param>
/// <param name="SourcesSheet">The name of the sheet of sources.</param>
/// <param name="Header">The header for a column name; the name itself when there is no translation.</param>
/// <param name="SourceHeaders">The headers of the sources sheet: id, title, publisher, url, published on, priority.</param>
public sealed record XlsxLabels(string DataSheet, string SourcesSheet, Func<string, string> Header, IReadOnlyList<string> SourceHeaders)
{
    /// <summary>Column names as in the catalogue and the other formats, English sheet names.</summary>
    public static XlsxLabels ColumnNames { get; } = new("Data", "Sources", name => name, ["id", "title", "publisher", "url", "published_on", "priority"]);
}
