using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>
/// numeric's binary form: ndigits, weight, sign and display scale, then base-10000 digits, the first weighted
/// 10000^weight (PostgreSQL's numeric_send/numeric_recv).
/// </summary>
internal static class PgNumeric
{
    private const short Positive = 0x0000;
    private const short Negative = 0x4000;
    private const short NaN = unchecked((short)0xC000);

    public static void Write(PgMessageWriter w, decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var scale = (short)fraction.Length;
        integer = integer.TrimStart('0');
        // Align both parts to groups of four decimal digits around the point.
        var padded = new string('0', (4 - integer.Length % 4) % 4) + integer + fraction + new string('0', (4 - fraction.Length % 4) % 4);
        var groups = new List<short>(padded.Length / 4);
        for (var i = 0; i < padded.Length; i += 4)
        {
            groups.Add(short.Parse(padded.AsSpan(i, 4), CultureInfo.InvariantCulture));
        }
        var weight = (integer.Length + 3) / 4 - 1;
        var first = 0;
        while (first < groups.Count && groups[first] == 0)
        {
            first++;
            weight--;
        }
        var last = groups.Count;
        while (last > first && groups[last - 1] == 0)
        {
            last--;
        }
        var count = last - first;
        w.Int16((short)count);
        w.Int16((short)(count == 0 ? 0 : weight));
        w.Int16(value < 0 && count > 0 ? Negative : Positive);
        w.Int16(scale);
        for (var i = first; i < last; i++)
        {
            w.Int16(groups[i]);
        }
    }

    public static decimal Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            throw new SqlApiException(SqlStates.InvalidTextRepresentation, "invalid binary numeric parameter: shorter than its header");
        }
        var count = BinaryPrimitives.ReadInt16BigEndian(data);
        var weight = BinaryPrimitives.ReadInt16BigEndian(data[2..]);
        var sign = BinaryPrimitives.ReadInt16BigEndian(data[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(data[6..]);
        if (sign == NaN || sign is not (Positive or Negative) || data.Length != 8 + 2 * count)
        {
            throw new SqlApiException(SqlStates.InvalidTextRepresentation, "invalid binary numeric parameter: NaN, infinity or a malformed value (send a finite number)");
        }
        var digits = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            digits.Append(BinaryPrimitives.ReadInt16BigEndian(data[(8 + 2 * i)..]).ToString("D4", CultureInfo.InvariantCulture));
        }
        // The digit groups stand for digits[0..4*(weight+1)] before the point.
        var integerDigits = 4 * (weight + 1);
        string text;
        if (count == 0)
        {
            text = "0";
        }
        else if (integerDigits <= 0)
        {
            text = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            text = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            text = digits.ToString(0, integerDigits) + "." + digits.ToString(integerDigits, digits.Length - integerDigits);
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new SqlApiException(SqlStates.ProgramLimitExceeded, $"numeric parameter {text} has more digits than the 28 to 29 the API carries");
        }
        value = Math.Round(value, Math.Min((int)scale, 28));
        return sign == Negative ? -value : value;
    }
}
