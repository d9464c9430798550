using System.Globalization;
using System.Numerics;
using System.Text;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>Writes one value of a DataRow, length word first, in PostgreSQL's text or binary form for its type.</summary>
internal static class PgValueWriter
{
    private static readonly DateOnly PostgresEpochDate = new(2000, 1, 1);
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(PgMessageWriter w, object? value, SqlType type, bool binary, ValueFormat format)
    {
        if (value is null or DBNull)
        {
            w.Int32(-1);
            return;
        }
        var lengthAt = w.Position;
        w.Int32(0);
        if (binary)
        {
            WriteBinary(w, value, type);
        }
        else
        {
            WriteText(w, value, type, format);
        }
        w.PatchInt32(lengthAt, w.Position - lengthAt - 4);
    }

    private static void WriteBinary(PgMessageWriter w, object value, SqlType type)
    {
        switch (type)
        {
            case SqlType.Bool:
                w.Byte(Convert.ToBoolean(value, Invariant) ? (byte)1 : (byte)0);
                break;
            case SqlType.Int2:
                w.Int16(Convert.ToInt16(value, Invariant));
                break;
            case SqlType.Int4:
                w.Int32(Convert.ToInt32(value, Invariant));
                break;
            case SqlType.Int8:
                w.Int64(Convert.ToInt64(value, Invariant));
                break;
            case SqlType.Float4:
                w.Int32(BitConverter.SingleToInt32Bits(Convert.ToSingle(value, Invariant)));
                break;
            case SqlType.Float8:
                w.Int64(BitConverter.DoubleToInt64Bits(Convert.ToDouble(value, Invariant)));
                break;
            case SqlType.Numeric:
                PgNumeric.Write(w, Convert.ToDecimal(value, Invariant));
                break;
            case SqlType.Date:
                w.Int32(AsDate(value).DayNumber - PostgresEpochDate.DayNumber);
                break;
            case SqlType.Timestamp:
                w.Int64((AsDateTime(value) - PostgresEpoch).Ticks / TimeSpan.TicksPerMicrosecond);
                break;
            case SqlType.TimestampTz:
                w.Int64((AsOffset(value).UtcDateTime - DateTime.SpecifyKind(PostgresEpoch, DateTimeKind.Utc)).Ticks / TimeSpan.TicksPerMicrosecond);
                break;
            case SqlType.Time:
                w.Int64(AsTime(value).Ticks / TimeSpan.TicksPerMicrosecond);
                break;
            case SqlType.Interval:
                var span = (TimeSpan)value;
                w.Int64((span - TimeSpan.FromDays(span.Days)).Ticks / TimeSpan.TicksPerMicrosecond);
                w.Int32(span.Days);
                w.Int32(0);
                break;
            case SqlType.Uuid:
                var bytes = w.GetSpan(16);
                ((Guid)value).TryWriteBytes(bytes, bigEndian: true, out _);
                w.Advance(16);
                break;
            case SqlType.Bytea:
                w.Bytes((byte[])value);
                break;
            default:
                w.Utf8(TextOf(value));
                break;
        }
    }

    private static void WriteText(PgMessageWriter w, object value, SqlType type, ValueFormat format)
    {
        switch (type)
        {
            case SqlType.Bool:
                w.Byte(Convert.ToBoolean(value, Invariant) ? (byte)'t' : (byte)'f');
                break;
            case SqlType.Int2 or SqlType.Int4 or SqlType.Int8:
                Format(w, Convert.ToInt64(value, Invariant), default);
                break;
            case SqlType.Float4:
                WriteFloat(w, Convert.ToSingle(value, Invariant), format.ExtraFloatDigits > 0 ? "R" : "G" + Math.Max(1, 6 + format.ExtraFloatDigits).ToString(Invariant));
                break;
            case SqlType.Float8:
                WriteFloat(w, Convert.ToDouble(value, Invariant), format.ExtraFloatDigits > 0 ? "R" : "G" + Math.Max(1, 15 + format.ExtraFloatDigits).ToString(Invariant));
                break;
            case SqlType.Numeric:
                Format(w, Convert.ToDecimal(value, Invariant), default);
                break;
            case SqlType.Date:
                Format(w, AsDate(value), "yyyy-MM-dd");
                break;
            case SqlType.Timestamp:
                var timestamp = AsDateTime(value);
                Format(w, timestamp, FractionFormat("yyyy-MM-dd HH:mm:ss", timestamp.Ticks));
                break;
            case SqlType.TimestampTz:
                var local = TimeZoneInfo.ConvertTime(AsOffset(value), format.TimeZone);
                Format(w, local.DateTime, FractionFormat("yyyy-MM-dd HH:mm:ss", local.Ticks));
                w.Utf8(OffsetText(local.Offset));
                break;
            case SqlType.Time:
                var time = AsTime(value);
                Format(w, time, FractionFormat("HH:mm:ss", time.Ticks));
                break;
            case SqlType.Interval:
                w.Utf8(IntervalText((TimeSpan)value));
                break;
            case SqlType.Uuid:
                Format(w, (Guid)value, "D");
                break;
            case SqlType.Bytea:
                w.Utf8("\\x");
                w.Utf8(Convert.ToHexStringLower((byte[])value));
                break;
            default:
                w.Utf8(TextOf(value));
                break;
        }
    }

    private static void Format<T>(PgMessageWriter w, T value, ReadOnlySpan<char> format) where T : IUtf8SpanFormattable
    {
        var span = w.GetSpan(64);
        if (!value.TryFormat(span, out var written, format, Invariant))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} value did not fit 64 bytes of text.");
        }
        w.Advance(written);
    }

    private static void WriteFloat<T>(PgMessageWriter w, T value, string format) where T : IFloatingPoint<T>, IUtf8SpanFormattable
    {
        if (T.IsNaN(value))
        {
            w.Utf8("NaN");
            return;
        }
        if (T.IsInfinity(value))
        {
            w.Utf8(T.IsNegative(value) ? "-Infinity" : "Infinity");
            return;
        }
        var span = w.GetSpan(64);
        if (!value.TryFormat(span, out var written, format, Invariant))
        {
            throw new InvalidOperationException("A float did not fit 64 bytes of text.");
        }
        // PostgreSQL writes the exponent's E in lower case (1e+20).
        var exponent = span[..written].IndexOf((byte)'E');
        if (exponent >= 0)
        {
            span[exponent] = (byte)'e';
        }
        w.Advance(written);
    }

    /// <summary>Seconds with as many fraction digits as needed (at most six, PostgreSQL's microseconds), none for a whole second.</summary>
    private static string FractionFormat(string format, long ticks)
    {
        var micros = ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
        if (micros == 0)
        {
            return format;
        }
        var digits = 6;
        while (micros % 10 == 0)
        {
            micros /= 10;
            digits--;
        }
        return format + "." + new string('f', digits);
    }

    private static string OffsetText(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return offset.Minutes == 0
            ? string.Create(Invariant, $"{sign}{offset.Hours:D2}")
            : string.Create(Invariant, $"{sign}{offset.Hours:D2}:{offset.Minutes:D2}");
    }

    /// <summary>An interval as PostgreSQL's default IntervalStyle (postgres) writes it: <c>3 days 04:05:06.5</c>.</summary>
    internal static string IntervalText(TimeSpan span)
    {
        var text = new StringBuilder();
        if (span.Days != 0)
        {
            text.Append(Invariant, $"{span.Days} {(Math.Abs(span.Days) == 1 ? "day" : "days")}");
        }
        var time = span - TimeSpan.FromDays(span.Days);
        if (time != TimeSpan.Zero || span.Days == 0)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            if (time < TimeSpan.Zero)
            {
                text.Append('-');
                time = time.Duration();
            }
            text.Append(Invariant, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}:{time.Seconds:D2}");
            var micros = time.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
            if (micros != 0)
            {
                text.Append('.').Append(micros.ToString("D6", Invariant).TrimEnd('0'));
            }
        }
        return text.ToString();
    }

    private static DateOnly AsDate(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => DateOnly.Parse(TextOf(value), Invariant),
    };

    private static DateTime AsDateTime(object value) => value switch
    {
        DateTime dateTime => dateTime,
        DateTimeOffset offset => offset.DateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => DateTime.Parse(TextOf(value), Invariant),
    };

    private static DateTimeOffset AsOffset(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(TextOf(value), Invariant),
    };

    private static TimeOnly AsTime(object value) => value switch
    {
        TimeOnly time => time,
        TimeSpan span => TimeOnly.FromTimeSpan(span),
        _ => TimeOnly.Parse(TextOf(value), Invariant),
    };

    private static string TextOf(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };
}
