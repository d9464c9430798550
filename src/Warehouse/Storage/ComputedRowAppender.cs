using DuckDB.NET.Data;
using Kencana.Warehouse.Export;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Appends rows computed in .NET (forecasts, outlooks) to a table of their columns' types with DuckDB's appender:
/// for an export's staging table and for the SQL API's snapshot alike, so both accept the same values.
/// </summary>
internal static class ComputedRowAppender
{
    /// <summary>Appends every row; each value is null or the CLR type of its column (text, int16/32/64, double, boolean, date).</summary>
    /// <returns>How many rows were appended.</returns>
    /// <exception cref="InvalidOperationException">A row has the wrong number of values, or a value a type the table cannot take.</exception>
    public static long AppendAll(DuckDBAppender appender, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var values in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (values.Length != columns.Count)
            {
                throw new InvalidOperationException($"A computed row has {values.Length} values for {columns.Count} columns.");
            }
            var row = appender.CreateRow();
            for (var i = 0; i < values.Length; i++)
            {
                row = values[i] switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    short number => row.AppendValue(number),
                    int number => row.AppendValue(number),
                    long number => row.AppendValue(number),
                    double number => row.AppendValue(number),
                    bool flag => row.AppendValue(flag),
                    DateOnly date => row.AppendValue(date),
                    var other => throw new InvalidOperationException($"Column {columns[i].Name}: a computed value of type {other.GetType().Name} cannot be stored."),
                };
            }
            row.EndRow();
            count++;
        }
        return count;
    }
}
