namespace Kencana.Warehouse.Export;

/// <summary>Code that reads a dataset's CSV with every column's type in one reader, for the catalogue.</summary>
/// <param name="Reader">The reader: <c>pandas</c>, <c>readr</c>, <c>duckdb</c> or <c>powerquery</c>.</param>
/// <param name="Code">The code, ready to run once the URL's filters are the ones wanted.</param>
public sealed record ExportReadRecipe(string Reader, string Code);
