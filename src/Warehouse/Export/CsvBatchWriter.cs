using System.Globalization;
using Apache.Arrow;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Writes Arrow record batches as CSV (RFC 4180: CRLF line ends, fields with the separator, a quote, a line break or
/// a <c>#</c> quoted, quotes doubled) in UTF-8, into a buffer that goes to the destination whenever it passes 64 KiB, so memory
/// stays the same whatever the number of rows.
/// </summary>
/// <remarks>Strings are copied as the UTF-8 bytes Arrow holds, numbers formatted straight to UTF-8: no per-value
/// string is allocated. Doubles are written in their shortest round-trip form. Exports write only their header with
/// it; DuckDB's COPY writes the rows (<see cref="CsvExport"/>), and the tests hold its output to this writer's, byte
/// for byte, which makes this the definition of the CSV format.</remarks>
internal sealed class CsvBatchWriter(Stream destination, CsvExportDialect dialect, IReadOnlyList<ExportColumn> columns)
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly System.Buffers.SearchValues<byte> DigitsAndDot = System.Buffers.SearchValues.Create("0123456789."u8);

    private readonly bool _excel = dialect == CsvExportDialect.ExcelIndonesia;
    private readonly byte _separator = dialect == CsvExportDialect.ExcelIndonesia ? (byte)';' : (byte)',';

    // Excel turns 64.10 into the number 64.1, and a reader with a decimal comma 64.02 into 6402; a text formula is the
    // one form of a cell that every Excel locale opens as the text it holds.
    private readonly bool[] _asTextFormula = [.. columns.Select(c => dialect == CsvExportDialect.ExcelIndonesia && c.Type == ExportColumnType.RegionCode)];
    private byte[] _buffer = new byte[FlushThreshold * 2];
    private int _length;

    /// <summary>Writes the byte-order mark (Excel dialect) and the header row.</summary>
    public Task WriteHeaderAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        if (_excel)
        {
            Append(Utf8Bom);
        }
        var first = true;
        foreach (var name in names)
        {
            if (!first)
            {
                Append(_separator);
            }
            first = false;
            WriteText(System.Text.Encoding.UTF8.GetBytes(name));
        }
        Append((byte)'\r');
        Append((byte)'\n');
        return FlushAsync(cancellationToken);
    }

    /// <summary>Writes every row of a batch.</summary>
    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        var columns = new IArrowArray[batch.ColumnCount];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = batch.Column(c);
        }
        for (var row = 0; row < batch.Length; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    Append(_separator);
                }
                WriteCell(columns[c], row, _asTextFormula[c]);
            }
            Append((byte)'\r');
            Append((byte)'\n');
            if (_length >= FlushThreshold)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Sends what is buffered to the destination.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_length > 0)
        {
            await destination.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
            _length = 0;
        }
    }

    private void WriteCell(IArrowArray array, int row, bool asTextFormula)
    {
        if (array.IsNull(row))
        {
            return; // null is an empty field
        }
        switch (array)
        {
            case StringArray strings when asTextFormula && IsDigitsAndDots(strings.GetBytes(row)):
                WriteTextFormula(strings.GetBytes(row));
                break;
            case StringArray strings:
                WriteText(strings.GetBytes(row));
                break;
            case DoubleArray doubles:
                WriteDouble(doubles.Values[row]);
                break;
            case Int16Array shorts:
                WriteFormattable(shorts.Values[row], default);
                break;
            case Int32Array ints:
                WriteFormattable(ints.Values[row], default);
                break;
            case Int64Array longs:
                WriteFormattable(longs.Values[row], default);
                break;
            case BooleanArray booleans:
                Append(booleans.GetValue(row) == true ? "true"u8 : "false"u8);
                break;
            case Date32Array dates:
                WriteDate(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + dates.Values[row]));
                break;
            default:
                throw new NotSupportedException($"CSV export has no writer for Arrow type {array.Data.DataType.Name}.");
        }
    }

    private void WriteDouble(double value)
    {
        Ensure(32);
        var span = _buffer.AsSpan(_length);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        if (_excel)
        {
            var point = span[..written].IndexOf((byte)'.');
            if (point >= 0)
            {
                span[point] = (byte)',';
            }
        }
        _length += written;
    }

    /// <summary>ISO 8601 (yyyy-MM-dd), which every spreadsheet and parser reads as a date; written digit by digit, since a format string is parsed anew for every value.</summary>
    private void WriteDate(DateOnly date)
    {
        Ensure(10);
        var span = _buffer.AsSpan(_length, 10);
        var (year, month, day) = (date.Year, date.Month, date.Day);
        span[0] = (byte)('0' + year / 1000);
        span[1] = (byte)('0' + year / 100 % 10);
        span[2] = (byte)('0' + year / 10 % 10);
        span[3] = (byte)('0' + year % 10);
        span[4] = (byte)'-';
        span[5] = (byte)('0' + month / 10);
        span[6] = (byte)('0' + month % 10);
        span[7] = (byte)'-';
        span[8] = (byte)('0' + day / 10);
        span[9] = (byte)('0' + day % 10);
        _length += 10;
    }

    private void WriteFormattable<T>(T value, ReadOnlySpan<char> format) where T : IUtf8SpanFormattable
    {
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        // Excel runs a cell that starts with = + - @ as a formula; an apostrophe makes it text (CSV injection).
        var guard = _excel && utf8.Length > 0 && utf8[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@';
        // Quoted as DuckDB's CSV writer quotes: empty text (an empty field is null), and text with the separator, a
        // quote, a line break or a # (which DuckDB quotes wherever it stands).
        var quote = utf8.Length == 0 || utf8.IndexOfAny(_separator, (byte)'"', (byte)'\n') >= 0 || utf8.IndexOfAny((byte)'\r', (byte)'#') >= 0;
        Ensure(utf8.Length * 2 + 3);
        if (quote)
        {
            _buffer[_length++] = (byte)'"';
        }
        if (guard)
        {
            _buffer[_length++] = (byte)'\'';
        }
        if (!quote)
        {
            Append(utf8);
            return;
        }
        foreach (var b in utf8)
        {
            if (b == '"')
            {
                _buffer[_length++] = (byte)'"';
            }
            _buffer[_length++] = b;
        }
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>
    /// Writes <c>="64.02"</c>, quoted for CSV as <c>"=""64.02"""</c>. Only ever digits and dots go inside, so the
    /// formula can do nothing but give back its text.
    /// </summary>
    private void WriteTextFormula(ReadOnlySpan<byte> code)
    {
        Append("\"=\"\""u8);
        Append(code);
        Append("\"\"\""u8);
    }

    private static bool IsDigitsAndDots(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && !text.ContainsAnyExcept(DigitsAndDot);

    private void Append(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            System.Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}
