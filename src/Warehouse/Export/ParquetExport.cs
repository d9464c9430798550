using DuckDB.NET.Data;

namespace Kencana.Warehouse.Export;

/// <summary>Writes an export as Parquet with DuckDB's own writer, streamed as it is written (<see cref="DuckDbCopyExport"/>).</summary>
internal static class ParquetExport
{
    public static Task WriteAsync(DuckDBConnection connection, ExportQuery query, ExportOptions options, Stream destination, CancellationToken cancellationToken) =>
        // The compression is one of ExportOptions.ParquetCompressions, checked at start-up.
        DuckDbCopyExport.WriteAsync(connection, query.Sql, query.Parameters, $"FORMAT parquet, COMPRESSION {options.ParquetCompression}", "parquet",
            options, destination, cancellationToken);
}
