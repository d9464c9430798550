namespace Kencana.Warehouse.Import;

/// <summary>Finds the line on which a staged CSV record starts, for error messages.</summary>
/// <remarks>
/// DuckDB's reader skips blank lines and rejected rows and lets quoted fields span lines, so a record's position in
/// the staged table is not its line in the file. This pass runs only when an import has errors to report.
/// </remarks>
internal static class CsvLineMap
{
    public static Dictionary<long, long> Locate(string path, IReadOnlyCollection<long> rowIndexes, IReadOnlySet<long> rejectedLines)
    {
        var wanted = new HashSet<long>(rowIndexes);
        var found = new Dictionary<long, long>();
        if (wanted.Count == 0)
        {
            return found;
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long line = 0;
        long record = -1; // the header is not a record
        var quoted = false;
        long recordStart = 0;
        var recordHasText = false;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (!quoted)
            {
                recordStart = line;
                recordHasText = false;
            }
            foreach (var ch in text)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                if (!char.IsWhiteSpace(ch))
                {
                    recordHasText = true;
                }
            }
            if (quoted || !recordHasText || rejectedLines.Contains(recordStart))
            {
                continue;
            }
            if (recordStart == 1)
            {
                continue;
            }
            record++;
            if (wanted.Remove(record))
            {
                found[record] = recordStart;
                if (wanted.Count == 0)
                {
                    break;
                }
            }
        }
        return found;
    }
}
