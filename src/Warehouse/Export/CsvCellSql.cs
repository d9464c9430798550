namespace Kencana.Warehouse.Export;

/// <summary>
/// The SQL that turns one exported value into its CSV cell text, byte for byte as <see cref="CsvBatchWriter"/>
/// writes it, so that DuckDB's own CSV writer can write the export (<see cref="CsvExport"/>).
/// </summary>
/// <remarks>
/// Doubles are the one type DuckDB writes differently: 100.0 where .NET writes 100, 1e-05 for 1E-05, 1e+16 for
/// 10000000000000000, inf for Infinity. The expression writes .NET's shortest round-trip form from DuckDB's own
/// shortest digits; the tests compare the two on thousands of doubles of every magnitude. Text is left to DuckDB's
/// quoting, which checks each value inside its writer: quoting in SQL (four <c>contains</c> per text cell) made the
/// CSV export a third slower than DuckDB's plain COPY.
/// </remarks>
internal static class CsvCellSql
{
    /// <summary>
    /// The COPY options that go with the cells of <paramref name="dialect"/>: no header (the caller writes it),
    /// DuckDB's quoting (text with the separator, a quote, a line break or <c>#</c> quoted, quotes doubled, empty text
    /// as <c>""</c> and null as an empty field), CRLF line ends.
    /// </summary>
    public static string CopyOptions(CsvExportDialect dialect) =>
        $"FORMAT csv, HEADER false, DELIMITER '{Separator(dialect)}', QUOTE '\"', ESCAPE '\"', NULLSTR '', NEW_LINE '\\r\\n'";

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
            ExportColumnType.Text or ExportColumnType.RegionCode => Text(value, dialect),
            // Integers, booleans (true/false) and ISO dates come out of DuckDB's cast as the writer formats them.
            _ => value,
        };
    }

    private static char Separator(CsvExportDialect dialect) => dialect == CsvExportDialect.ExcelIndonesia ? ';' : ',';

    /// <summary>.NET's shortest round-trip text of a double (<c>double.ToString(CultureInfo.InvariantCulture)</c>).</summary>
    /// <remarks>
    /// .NET writes the shortest digits in full below 10^17, zeros filling in up to the decimal point, and with an
    /// exponent from there or below 10^-4; DuckDB writes 100.0 for 100, and the same digits with an exponent from 10^16.
    /// Below 2^53 a whole double's shortest digits are the integer itself, so the BIGINT cast writes it; from 2^53 on
    /// every double is whole and its digits are padded with zeros.
    /// </remarks>
    private static string Double(string x) => $"""
        CASE WHEN {x} = trunc({x}) AND abs({x}) < 9007199254740992 THEN CASE WHEN {x} = 0 AND signbit({x}) THEN '-0' ELSE CAST(CAST({x} AS BIGINT) AS VARCHAR) END
             WHEN abs({x}) >= 1e-4 AND abs({x}) < 9007199254740992 THEN CAST({x} AS VARCHAR)
             WHEN isnan({x}) THEN 'NaN'
             WHEN isinf({x}) THEN CASE WHEN {x} > 0 THEN 'Infinity' ELSE '-Infinity' END
             WHEN abs({x}) >= 9007199254740992 AND abs({x}) < 1e17 THEN {PaddedDigits(x)}
             ELSE replace(CAST({x} AS VARCHAR), 'e', 'E') END
        """;

    /// <summary>A whole double from 2^53 to 10^17 in full: DuckDB's shortest digits (9999999999999998.0 or 3.210842995071245e+16) padded with zeros to the decimal point.</summary>
    private static string PaddedDigits(string x)
    {
        var text = $"CAST(abs({x}) AS VARCHAR)";
        var digits = $"rtrim(replace(split_part({text}, 'e', 1), '.', ''), '0')";
        var exponent = $"(CASE WHEN contains({text}, 'e') THEN CAST(split_part({text}, 'e', 2) AS INTEGER) ELSE strpos({text}, '.') - 2 END)";
        return $"CASE WHEN {x} < 0 THEN '-' ELSE '' END || rpad({digits}, CAST({exponent} + 1 AS INTEGER), '0')";
    }

    /// <summary>
    /// Text as it is: DuckDB's writer quotes it where needed. For Excel, text that starts with <c>= + - @</c> (code
    /// points 61, 43, 45, 64: <c>ascii</c> reads one code point, where <c>left</c> would split the text into graphemes)
    /// goes behind an apostrophe, so that Excel does not run it as a formula.
    /// </summary>
    private static string Text(string s, CsvExportDialect dialect) =>
        dialect == CsvExportDialect.ExcelIndonesia ? $"CASE WHEN ascii({s}) IN (61, 43, 45, 64) THEN '''' || {s} ELSE {s} END" : s;

    /// <summary>A region code as the Excel text formula <c>="64.02"</c> (DuckDB quotes it for its quotes); a value that is not digits and dots stays text.</summary>
    /// <remarks>A regular expression tests the code: ltrim with a set of characters cost twice as much on ten million rows.</remarks>
    private static string TextFormula(string code) =>
        $"""CASE WHEN regexp_full_match({code}, '[0-9.]+') THEN '="' || {code} || '"' ELSE {Text(code, CsvExportDialect.ExcelIndonesia)} END""";
}
