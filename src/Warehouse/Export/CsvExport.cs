using DuckDB.NET.Data;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Writes an export as CSV with DuckDB's own writer (<c>COPY ... (FORMAT csv)</c>), streamed as it is written
/// (<see cref="DuckDbCopyExport"/>): the header (and the Excel dialect's byte-order mark) from
/// <see cref="CsvBatchWriter"/>, then every row formatted by the SQL of <see cref="CsvCellSql"/>.
/// </summary>
/// <remarks>
/// DuckDB formats and writes the rows on its own threads, in the order the query yields them, with none of them
/// passing through .NET: about twice as fast as formatting Arrow batches in C#, with the same bytes.
/// </remarks>
internal static class CsvExport
{
    public static async Task WriteAsync(
        DuckDBConnection connection, ExportQuery query, IReadOnlyList<ExportColumn> columns, CsvExportDialect dialect,
        ExportOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var header = new CsvBatchWriter(destination, dialect, columns);
        await header.WriteHeaderAsync(columns.Select(c => c.Name), cancellationToken);
        await DuckDbCopyExport.WriteAsync(connection, Select(query, columns, dialect), query.Parameters, CsvCellSql.CopyOptions(dialect), "csv",
            options, destination, cancellationToken);
    }

    /// <summary>The dataset's query wrapped in a SELECT of one CSV cell per declared column, in their order.</summary>
    internal static string Select(ExportQuery query, IReadOnlyList<ExportColumn> columns, CsvExportDialect dialect)
    {
        // Column names are the dataset's declared names, from code; quoted all the same.
        var cells = columns.Select(c => CsvCellSql.For(c.Type, dialect, "q.\"" + c.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        return $"SELECT {string.Join(",\n", cells)}\nFROM ({query.Sql}) q";
    }
}
