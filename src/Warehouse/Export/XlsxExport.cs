using Apache.Arrow;
using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Writes an export as an .xlsx workbook with SpreadCheetah, which streams rows into the zip as they come: the rows
/// arrive as the session's Arrow batches, so memory stays a few batches whatever the size, like the other formats.
/// </summary>
/// <remarks>
/// Cells are typed from the declared columns: numbers, dates and booleans as such, text as inline strings, and
/// region codes as text cells with the text number format (<c>@</c>), so that Excel neither shows 64.10 as 64.1
/// nor turns a code typed over into a number. The second sheet lists the sources the rows cite.
/// </remarks>
internal static class XlsxExport
{
    /// <summary>Excel's row limit (1,048,576) less the header row.</summary>
    public const long MaxRows = 1_048_575;

    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Counts the rows first, so that an export Excel cannot open is refused before any byte is sent.</summary>
    /// <exception cref="InvalidExportRequestException">More rows than a sheet holds.</exception>
    public static void CheckSize(DuckDBConnection connection, ExportQuery query)
    {
        var rows = connection.Query($"SELECT count(*) FROM ({query.Sql}) q", r => r.GetInt64(0), [.. query.Parameters.Select(p => (p.Key, p.Value))]).Single();
        if (rows > MaxRows)
        {
            throw new InvalidExportRequestException(new ExportProblem(400, "too-many-rows", "Too many rows for a spreadsheet",
                $"The export has {rows:N0} rows; an Excel sheet holds {MaxRows:N0}. Narrow it (indicator=, parent=, fromYear=, ...) or download it as .csv or .parquet.",
                ExportParameter.Indicator));
        }
    }

    public static async Task WriteAsync(ExportSession session, DuckDBConnection connection, XlsxLabels labels, Stream destination, CancellationToken cancellationToken)
    {
        await using var output = new SyncWriteBufferingStream(destination);
        await WriteWorkbookAsync(session, connection, labels, output, cancellationToken);
        await output.DrainAsync(cancellationToken);
    }

    private static async Task WriteWorkbookAsync(ExportSession session, DuckDBConnection connection, XlsxLabels labels, Stream destination, CancellationToken cancellationToken)
    {
        var columns = session.Request.Dataset.Columns;
        await using var workbook = await Spreadsheet.CreateNewAsync(destination, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") }, cancellationToken);
        var header = workbook.AddStyle(new Style { Font = { Bold = true } });
        var text = workbook.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        var date = workbook.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });

        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Type switch
            {
                ExportColumnType.Text when columns[i].Name.EndsWith("name", StringComparison.Ordinal) => 34,
                ExportColumnType.Text => 18,
                ExportColumnType.Date => 12,
                _ => 12,
            };
        }
        options.AutoFilter = new AutoFilterOptions($"A1:{ColumnLetter(columns.Count)}1");
        await workbook.StartWorksheetAsync(labels.DataSheet, options, cancellationToken);
        await workbook.AddRowAsync([.. columns.Select(c => new Cell(labels.Header(c.Name), header))], cancellationToken);

        // The sources the rows cite, for the second sheet: every column holding a source id.
        var sourceColumns = columns.Select((c, i) => (c, i)).Where(x => x.c.Name == "source_id" || x.c.Name.EndsWith("_source_id", StringComparison.Ordinal)).Select(x => x.i).ToArray();
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        var row = new Cell[columns.Count];
        await foreach (var batch in session.ReadBatchesAsync(cancellationToken))
        {
            for (var r = 0; r < batch.Length; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    row[c] = CellOf(batch.Column(c), r, columns[c].Type, text, date);
                }
                foreach (var c in sourceColumns)
                {
                    if (((StringArray)batch.Column(c)).GetString(r) is { } id)
                    {
                        cited.Add(id);
                    }
                }
                await workbook.AddRowAsync(row, cancellationToken);
            }
        }

        await workbook.StartWorksheetAsync(labels.SourcesSheet, new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        await workbook.AddRowAsync([.. labels.SourceHeaders.Select(h => new Cell(h, header))], cancellationToken);
        // The sources table is small (one row per publication): read it whole and keep the cited ones, in id order.
        var sources = connection.Query(
            "SELECT id, title, publisher, url, published_on, priority FROM sources ORDER BY id",
            r => (Id: r.GetString(0), Cells: new Cell[]
            {
                new(r.GetString(0)), new(r.GetString(1)), new(r.GetString(2)), new(r.IsDBNull(3) ? null : r.GetString(3)),
                r.IsDBNull(4) ? new Cell((string?)null) : new Cell(r.GetDateTime(4), date), new(r.GetInt32(5)),
            })).ToList();
        foreach (var source in sources.Where(s => cited.Contains(s.Id)))
        {
            await workbook.AddRowAsync(source.Cells, cancellationToken);
        }
        await workbook.FinishAsync(cancellationToken);
    }

    private static Cell CellOf(IArrowArray array, int index, ExportColumnType type, StyleId text, StyleId date)
    {
        if (array.IsNull(index))
        {
            return new Cell((string?)null);
        }
        return type switch
        {
            ExportColumnType.RegionCode => new Cell(((StringArray)array).GetString(index), text),
            ExportColumnType.Text => new Cell(((StringArray)array).GetString(index)),
            ExportColumnType.SmallInt => new Cell((int)((Int16Array)array).GetValue(index)!.Value),
            ExportColumnType.Integer32 => new Cell(((Int32Array)array).GetValue(index)!.Value),
            ExportColumnType.BigInt => new Cell(((Int64Array)array).GetValue(index)!.Value),
            ExportColumnType.DoublePrecision => new Cell(((DoubleArray)array).GetValue(index)!.Value),
            ExportColumnType.Boolean => new Cell(((BooleanArray)array).GetValue(index)!.Value),
            ExportColumnType.Date => new Cell(Epoch.AddDays(((Date32Array)array).GetValue(index)!.Value), date),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
        };
    }

    private static string ColumnLetter(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }
}
