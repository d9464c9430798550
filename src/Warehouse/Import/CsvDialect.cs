namespace Kencana.Warehouse.Import;

/// <summary>The separator of a CSV file, read off its header line.</summary>
/// <remarks>
/// Decided from the header rather than left to DuckDB's sniffer: in Indonesian spreadsheets the decimal comma
/// ("73,50") makes commas common in data rows of semicolon files, which can mislead a sniffer that samples them.
/// </remarks>
internal static class CsvDialect
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static (char Delimiter, string[] Header) ReadHeader(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new InvalidDataException("the file is empty or its first line is blank; the first line must be the header");
        }
        var delimiter = Candidates.OrderByDescending(c => CountOutsideQuotes(line, c)).First();
        var header = SplitHeader(line, delimiter);
        return (delimiter, header);
    }

    private static int CountOutsideQuotes(string line, char c)
    {
        var count = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == c && !quoted)
            {
                count++;
            }
        }
        return count;
    }

    private static string[] SplitHeader(string line, char delimiter)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == delimiter && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        cells.Add(current.ToString());
        return [.. cells];
    }
}
