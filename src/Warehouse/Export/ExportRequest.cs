namespace Kencana.Warehouse.Export;

/// <summary>A validated export: which dataset, with which filters, in which format.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Filter">The normalised filters.</param>
/// <param name="Format">The file format.</param>
/// <param name="Dialect">The CSV dialect; <see cref="CsvExportDialect.Rfc4180"/> for other formats.</param>
/// <param name="Language">The language of a spreadsheet's headers, <c>id</c> or <c>en</c>; null for other formats.</param>
public sealed record ExportRequest(IExportDataset Dataset, ExportFilter Filter, ExportFormat Format, CsvExportDialect Dialect = CsvExportDialect.Rfc4180, string? Language = null)
{
    /// <summary>The dataset and filters as <c>name?query</c>: the Flight ticket of the request.</summary>
    public string Ticket => Filter.ToQueryString() is { Length: > 0 } query ? $"{Dataset.Name}?{query}" : Dataset.Name;

    /// <summary>Everything that decides the bytes of the response, in a canonical form: the key of its ETag.</summary>
    public string CanonicalKey => $"{Dataset.Name}.{Format.Extension()}?{Filter.ToQueryString()}"
        + (Format == ExportFormat.Csv ? $"&{ExportParameter.Dialect}={Dialect.Name()}" : "")
        + (Format == ExportFormat.Xlsx ? $"&{ExportParameter.Language}={Language}" : "");

    /// <summary>The file name to offer for download, for example <c>observations.csv</c>.</summary>
    public string FileName => $"{Dataset.Name}.{Format.Extension()}";
}
