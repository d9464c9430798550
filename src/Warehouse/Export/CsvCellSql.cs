namespace Kencana.Warehouse.Export;

/// <summary>
/// The SQL that turns one exported value into its CSV cell text, byte for byte as <see cref="CsvBatchWriter"/>
/// writes it, so that DuckDB's own CSV writer can write the export (<see cref="CsvExport"/>).
/// </summary>
/// <remarks>
/// Doubles are the one type DuckDB writes differently: 100.0 where .NET writes 100, 1e-05 for 1E-05, 1000000000000000.0
/// for 1E+15, inf for Infinity. The expression writes .NET's shortest round-trip form: whole numbers below 10^15 as
/// integers, the rest from DuckDB's own shortest digits, reshaped where the two differ. In the <c>rfc4180</c> dialect
/// DuckDB quotes text by the same rule as the writer (empty, or holding the separator, a quote or a line break); the
/// <c>excel-id</c> dialect quotes some cells that rule would not (formula guards), so there every text cell is
/// quoted here and DuckDB's quoting is off.
/// </remarks>
internal static class CsvCellSql
{
    /// <summary>The COPY options that go with the cells of <paramref name="dialect"/>: no header (the caller writes it), CRLF line ends.</summary>
    public static string CopyOptions(CsvExportDialect dialect) => dialect == CsvExportDialect.ExcelIndonesia
        ? """FORMAT csv, HEADER false, DELIMITER ';', QUOTE '', ESCAPE '', NULLSTR '', NEW_LINE '\r\n'"""
        : """FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '', NEW_LINE '\r\n'""";

    /// <summary>The cell text of <paramref name="value"/>, an expression of <paramref name="type"/>; NULL for null (an empty field).</summary>
    /// <param name="type">The column's declared type.</param>
    /// <param name="dialect">The CSV dialect.</param>
    /// <param name="value">A column reference; text from code only.</param>
    public static string For(ExportColumnType type, CsvExportDialect dialect, string value)
    {
        var excel = dialect == CsvExportDialect.ExcelIndonesia;
        return type switch
        {
            ExportColumnType.DoublePrecision when excel => $"replace({Double(value)}, '.', ',')",
            ExportColumnType.DoublePrecision => Double(value),
            ExportColumnType.RegionCode when excel => TextFormula(value),
            ExportColumnType.Text when excel => ExcelText(value),
            // Integers, booleans (true/false) and ISO dates come out of DuckDB's cast as the writer formats them.
            _ => value,
        };
    }

    /// <summary>.NET's shortest round-trip text of a double (<c>double.ToString(CultureInfo.InvariantCulture)</c>).</summary>
    private static string Double(string x) => $"""
        CASE WHEN {x} = trunc({x}) AND abs({x}) < 1e15 THEN CASE WHEN {x} = 0 AND signbit({x}) THEN '-0' ELSE CAST(CAST({x} AS BIGINT) AS VARCHAR) END
             WHEN abs({x}) >= 1e-5 AND abs({x}) < 1e15 THEN CAST({x} AS VARCHAR)
             WHEN abs({x}) < 1e-5 THEN replace(CAST({x} AS VARCHAR), 'e', 'E')
             WHEN isnan({x}) THEN 'NaN'
             WHEN isinf({x}) THEN CASE WHEN {x} > 0 THEN 'Infinity' ELSE '-Infinity' END
             WHEN abs({x}) < 1e16 THEN {FifteenDigitExponent(x)}
             ELSE replace(CAST({x} AS VARCHAR), 'e', 'E') END
        """;

    /// <summary>
    /// From 10^15 to 10^16 DuckDB still writes every digit (1234567890123456.8) where .NET switches to an exponent
    /// (1.2345678901234568E+15): the same digits, moved.
    /// </summary>
    private static string FifteenDigitExponent(string x)
    {
        var digits = $"rtrim(replace(CAST(abs({x}) AS VARCHAR), '.', ''), '0')";
        return $"CASE WHEN {x} < 0 THEN '-' ELSE '' END || left({digits}, 1) || CASE WHEN length({digits}) > 1 THEN '.' || {digits}[2:] ELSE '' END || 'E+15'";
    }

    /// <summary>Text for Excel: quoted when empty or holding a separator, quote or line break, and guarded against running as a formula.</summary>
    private static string ExcelText(string s) => $"""
        CASE WHEN {s} = '' THEN '""'
             WHEN left({s}, 1) IN ('=', '+', '-', '@') THEN '"''' || replace({s}, '"', '""') || '"'
             WHEN contains({s}, ';') OR contains({s}, '"') OR contains({s}, chr(10)) OR contains({s}, chr(13)) THEN '"' || replace({s}, '"', '""') || '"'
             ELSE {s} END
        """;

    /// <summary>A region code as the Excel text formula <c>="64.02"</c>, quoted for CSV; a value that is not digits and dots stays text.</summary>
    private static string TextFormula(string code) =>
        $""""CASE WHEN {code} <> '' AND ltrim({code}, '0123456789.') = '' THEN '"=""' || {code} || '"""' ELSE {ExcelText(code)} END"""";
}
