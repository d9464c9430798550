namespace Kencana.Warehouse.Export;

/// <summary>A file format an export can be written in.</summary>
public enum ExportFormat
{
    /// <summary>Comma-separated values (RFC 4180, UTF-8), or the Indonesian Excel dialect.</summary>
    Csv,
    /// <summary>Apache Parquet, written by DuckDB.</summary>
    Parquet,
    /// <summary>An Apache Arrow IPC stream of record batches.</summary>
    Arrow,
    /// <summary>An Office Open XML spreadsheet (.xlsx) with typed cells and a sheet naming the sources.</summary>
    Xlsx,
}

/// <summary>The file extension, media type and description of each <see cref="ExportFormat"/>.</summary>
public static class ExportFormats
{
    /// <summary>Every format, in catalogue order.</summary>
    public static IReadOnlyList<ExportFormat> All { get; } = [ExportFormat.Csv, ExportFormat.Parquet, ExportFormat.Arrow, ExportFormat.Xlsx];

    /// <summary>The file extension without the dot: <c>csv</c>, <c>parquet</c>, <c>arrow</c>, <c>xlsx</c>.</summary>
    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Parquet => "parquet",
        ExportFormat.Xlsx => "xlsx",
        _ => "arrow",
    };

    /// <summary>The registered media type of the format.</summary>
    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv",
        ExportFormat.Parquet => "application/vnd.apache.parquet",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/vnd.apache.arrow.stream",
    };

    /// <summary>What a reader of the file needs to know.</summary>
    public static string Description(this ExportFormat format) => format switch
    {
        ExportFormat.Csv =>
            "RFC 4180 CSV in UTF-8 with a header row and CRLF line ends; null is an empty field. Region codes (region_code, parent_code, province_code) are written as they are, 64.02, and are text: readers that guess types take them for numbers (64.10 becomes 64.1), so give the column types, as each dataset's read recipes do, or use Parquet or Arrow, which carry them. dialect=excel-id writes what Indonesian Excel opens directly: semicolons, decimal commas, a byte-order mark, and region codes as Excel text formulas (=\"64.02\"), which Excel shows as 64.02 and other readers as the formula text.",
        ExportFormat.Parquet => "Apache Parquet (Snappy by default) written by DuckDB, with the column types below: region codes are strings.",
        ExportFormat.Xlsx =>
            "An Excel workbook (Office Open XML) for opening with a double click: a first sheet of the rows with typed cells (numbers as numbers, dates as dates, true/false as booleans, region codes as text cells formatted as text, so 64.02 stays 64.02), its header frozen and filterable; a second sheet naming every source the rows cite. lang=id (the default unless Accept-Language asks for English) or lang=en chooses the language of the headers and sheet names. At most 1,048,575 rows, Excel's limit: narrow the filters or use CSV or Parquet beyond it.",
        _ => "Apache Arrow IPC streaming format: one schema message, then record batches, with each column's description and unit in its field metadata.",
    };

    /// <summary>Parses a file extension (case-insensitive); false when it names no format.</summary>
    public static bool TryParse(string? extension, out ExportFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Extension(), extension, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }
}
