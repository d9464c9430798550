namespace Kencana.Warehouse.Export;

/// <summary>What can be exported: every dataset with its columns, filters and formats. A plain model, so that the
/// HTTP catalogue and GraphQL can both serve it.</summary>
/// <param name="Datasets">The datasets, by name.</param>
/// <param name="Formats">The file formats every dataset can be written in.</param>
public sealed record ExportCatalog(IReadOnlyList<ExportDatasetInfo> Datasets, IReadOnlyList<ExportFormatInfo> Formats);

/// <summary>One dataset in the <see cref="ExportCatalog"/>.</summary>
/// <param name="Name">The name in URLs and Flight tickets.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Description">What a row is and the rules behind its values.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Filters">The filters it takes.</param>
public sealed record ExportDatasetInfo(string Name, string Title, string Description, IReadOnlyList<ExportColumnInfo> Columns, IReadOnlyList<ExportFilterInfo> Filters);

/// <summary>One column of a dataset in the <see cref="ExportCatalog"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The type name: <c>string</c>, <c>int16</c>, <c>int32</c>, <c>int64</c>, <c>double</c>, <c>boolean</c> or <c>date</c>.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Unit">Its unit, when it has one of its own.</param>
/// <param name="Nullable">True when a row may have no value in it.</param>
public sealed record ExportColumnInfo(string Name, string Type, string Description, string? Unit, bool Nullable);

/// <summary>One file format in the <see cref="ExportCatalog"/>.</summary>
/// <param name="Name">The file extension that selects it.</param>
/// <param name="MediaType">The media type of the response.</param>
/// <param name="Description">What a reader needs to know.</param>
/// <param name="Dialects">The dialects it can be written in (<c>dialect=</c>), first the default; empty when it has none.</param>
public sealed record ExportFormatInfo(string Name, string MediaType, string Description, IReadOnlyList<string> Dialects);
