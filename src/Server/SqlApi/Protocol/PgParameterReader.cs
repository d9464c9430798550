using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>Turns a Bind message's parameter, in text or binary form, into the CLR value its <see cref="SqlType"/> names.</summary>
internal static class PgParameterReader
{
    private static readonly DateOnly PostgresEpochDate = new(2000, 1, 1);
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="data">The value's bytes.</param>
    /// <param name="binary">Whether the client sent it in binary.</param>
    /// <param name="type">The type the client declared in Parse, else the one the engine inferred.</param>
    /// <param name="number">The parameter's 1-based number, for the error.</param>
    public static object Read(ReadOnlySpan<byte> data, bool binary, PgType type, int number)
    {
        try
        {
            return binary ? ReadBinary(data, type) : ReadText(Encoding.UTF8.GetString(data), type.SqlType);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw Invalid(number, type, ex.Message);
        }
    }

    private static object ReadBinary(ReadOnlySpan<byte> data, PgType type)
    {
        if (type.Length > 0 && type.Oid != PgType.NameType.Oid && data.Length != type.Length)
        {
            throw new FormatException($"binary {type.Name} is {type.Length} bytes, not {data.Length}");
        }
        return type.SqlType switch
        {
            SqlType.Bool => data[0] != 0,
            SqlType.Int2 => BinaryPrimitives.ReadInt16BigEndian(data),
            SqlType.Int4 => BinaryPrimitives.ReadInt32BigEndian(data),
            SqlType.Int8 when type.Oid == PgType.OidType.Oid => (long)BinaryPrimitives.ReadUInt32BigEndian(data),
            SqlType.Int8 => BinaryPrimitives.ReadInt64BigEndian(data),
            SqlType.Float4 => BinaryPrimitives.ReadSingleBigEndian(data),
            SqlType.Float8 => BinaryPrimitives.ReadDoubleBigEndian(data),
            SqlType.Numeric => PgNumeric.Read(data),
            SqlType.Date => DateOnly.FromDayNumber(PostgresEpochDate.DayNumber + BinaryPrimitives.ReadInt32BigEndian(data)),
            SqlType.Timestamp => PostgresEpoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(data) * TimeSpan.TicksPerMicrosecond),
            SqlType.TimestampTz => new DateTimeOffset(PostgresEpoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(data) * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero),
            SqlType.Time => new TimeOnly(BinaryPrimitives.ReadInt64BigEndian(data) * TimeSpan.TicksPerMicrosecond),
            SqlType.Interval => ReadInterval(data),
            SqlType.Uuid => new Guid(data, bigEndian: true),
            SqlType.Bytea => data.ToArray(),
            _ => Encoding.UTF8.GetString(data),
        };
    }

    private static TimeSpan ReadInterval(ReadOnlySpan<byte> data)
    {
        var months = BinaryPrimitives.ReadInt32BigEndian(data[12..]);
        if (months != 0)
        {
            throw new FormatException("an interval with months has no fixed length: send days instead");
        }
        return TimeSpan.FromTicks(BinaryPrimitives.ReadInt64BigEndian(data) * TimeSpan.TicksPerMicrosecond) + TimeSpan.FromDays(BinaryPrimitives.ReadInt32BigEndian(data[8..]));
    }

    /// <summary>A value in PostgreSQL's text form, as a client sends it in a text-format parameter.</summary>
    public static object ReadText(string text, SqlType type) => type switch
    {
        SqlType.Bool => text.Trim().ToLowerInvariant() switch
        {
            "t" or "true" or "y" or "yes" or "on" or "1" => true,
            "f" or "false" or "n" or "no" or "off" or "0" => false,
            _ => throw new FormatException($"'{text}' is not a boolean: use true or false"),
        },
        SqlType.Int2 => short.Parse(text, NumberStyles.Integer, Invariant),
        SqlType.Int4 => int.Parse(text, NumberStyles.Integer, Invariant),
        SqlType.Int8 => long.Parse(text, NumberStyles.Integer, Invariant),
        SqlType.Float4 => float.Parse(text, NumberStyles.Float, Invariant),
        SqlType.Float8 => double.Parse(text, NumberStyles.Float, Invariant),
        SqlType.Numeric => decimal.Parse(text, NumberStyles.Float, Invariant),
        SqlType.Date => DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", Invariant),
        SqlType.Timestamp => DateTime.Parse(text, Invariant, DateTimeStyles.None),
        SqlType.TimestampTz => DateTimeOffset.Parse(text, Invariant, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        SqlType.Time => TimeOnly.Parse(text, Invariant),
        SqlType.Interval => TimeSpan.Parse(text, Invariant),
        SqlType.Uuid => Guid.Parse(text),
        SqlType.Bytea => text.StartsWith("\\x", StringComparison.Ordinal) ? Convert.FromHexString(text.AsSpan(2)) : Encoding.UTF8.GetBytes(text),
        _ => text,
    };

    private static SqlApiException Invalid(int number, PgType type, string why) =>
        new(SqlStates.InvalidTextRepresentation, $"parameter ${number} is not a valid {type.Name}: {why}", "Send the value in PostgreSQL's text form for its type, or as text and cast it in the statement.");
}
