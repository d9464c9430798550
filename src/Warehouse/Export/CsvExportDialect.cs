namespace Kencana.Warehouse.Export;

/// <summary>How a CSV export separates fields and writes decimals.</summary>
public enum CsvExportDialect
{
    /// <summary>RFC 4180: commas, decimal points, no byte-order mark. The default, and what tools parse without guessing.</summary>
    Rfc4180,

    /// <summary>
    /// What Excel in an Indonesian locale opens with a double click: semicolons, decimal commas, and a UTF-8
    /// byte-order mark (without it Excel reads the file as ANSI and garbles names such as Regapu’u). Text cells that
    /// start with <c>= + - @</c> are prefixed with an apostrophe so that Excel does not run them as formulas. Region
    /// codes are Excel text formulas, <c>="64.02"</c>, so that Excel shows them as the text they are; other readers
    /// see the formula as text (never a number), so they should read <see cref="Rfc4180"/> instead.
    /// </summary>
    ExcelIndonesia,
}

/// <summary>The names of <see cref="CsvExportDialect"/> in requests.</summary>
public static class CsvExportDialects
{
    /// <summary>The request name of the dialect: <c>rfc4180</c> or <c>excel-id</c>.</summary>
    public static string Name(this CsvExportDialect dialect) => dialect == CsvExportDialect.ExcelIndonesia ? "excel-id" : "rfc4180";

    /// <summary>Parses a dialect name (case-insensitive); false when it names none.</summary>
    public static bool TryParse(string? name, out CsvExportDialect dialect)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "rfc4180" or "standard":
                dialect = CsvExportDialect.Rfc4180;
                return true;
            case "excel-id" or "excel":
                dialect = CsvExportDialect.ExcelIndonesia;
                return true;
            default:
                dialect = default;
                return false;
        }
    }
}
