using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Export;

/// <summary>
/// The temporary table that holds a computed dataset's rows (<see cref="IComputedExportDataset"/>) for the length of
/// one export session. Temporary tables belong to their connection, and every session has its own, so concurrent
/// exports never see each other's rows; nothing is written to the warehouse file.
/// </summary>
public static class ExportStaging
{
    /// <summary>The table's name, in DuckDB's <c>temp</c> catalogue.</summary>
    public const string Table = "kencana_export_rows";

    /// <summary>The query a computed dataset answers with: its columns, in order, from the staged rows in the order they were computed.</summary>
    /// <param name="columns">The dataset's columns.</param>
    public static ExportQuery Select(IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        // rowid keeps the order the dataset computed (a ranking), which a plain scan does not promise.
        return new ExportQuery($"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM temp.main.{Table} ORDER BY rowid", []);
    }

    /// <summary>Creates the table with the columns' types and appends the rows with DuckDB's appender.</summary>
    internal static void Fill(DuckDBConnection connection, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var definition = string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {c.Type.SqlType()}"));
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE OR REPLACE TEMP TABLE {Table} ({definition})";
            create.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("temp", "main", Table);
        ComputedRowAppender.AppendAll(appender, columns, rows, cancellationToken);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
