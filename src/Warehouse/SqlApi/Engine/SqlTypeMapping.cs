using System.Collections;
using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// DuckDB's types as the SQL API serves them (<see cref="SqlType"/>), and each value as the CLR type its
/// <see cref="SqlType"/> names. Types PostgreSQL clients have no counterpart for (LIST, STRUCT, MAP, ENUM, UNION,
/// BIT, TIMETZ, VARINT) are served as text in DuckDB's own text form.
/// </summary>
internal static class SqlTypeMapping
{
    public static SqlType Of(DuckDBType type) => type switch
    {
        DuckDBType.Boolean => SqlType.Bool,
        DuckDBType.TinyInt or DuckDBType.SmallInt or DuckDBType.UnsignedTinyInt => SqlType.Int2,
        DuckDBType.Integer or DuckDBType.UnsignedSmallInt => SqlType.Int4,
        DuckDBType.BigInt or DuckDBType.UnsignedInteger => SqlType.Int8,
        DuckDBType.UnsignedBigInt or DuckDBType.HugeInt or DuckDBType.UnsignedHugeInt or DuckDBType.Decimal => SqlType.Numeric,
        DuckDBType.Float => SqlType.Float4,
        DuckDBType.Double => SqlType.Float8,
        DuckDBType.Date => SqlType.Date,
        DuckDBType.Timestamp or DuckDBType.TimestampS or DuckDBType.TimestampMs or DuckDBType.TimestampNs => SqlType.Timestamp,
        DuckDBType.TimestampTz => SqlType.TimestampTz,
        DuckDBType.Time => SqlType.Time,
        DuckDBType.Interval => SqlType.Interval,
        DuckDBType.Uuid => SqlType.Uuid,
        DuckDBType.Blob => SqlType.Bytea,
        _ => SqlType.Text,
    };

    /// <summary>The DuckDB type of a result column, from DuckDB.NET's name for it.</summary>
    public static DuckDBType ColumnType(DuckDBDataReader reader, int ordinal) =>
        Enum.TryParse<DuckDBType>(reader.GetDataTypeName(ordinal), ignoreCase: false, out var type) ? type : DuckDBType.Varchar;

    /// <summary>The value of a non-null column as the CLR type of its <see cref="SqlType"/>.</summary>
    /// <exception cref="SqlApiException">A HUGEINT or DECIMAL value beyond the range of <see cref="decimal"/> (22003-like, reported as 22000).</exception>
    public static object Read(DuckDBDataReader reader, int ordinal, DuckDBType type)
    {
        switch (type)
        {
            case DuckDBType.Boolean:
                return reader.GetBoolean(ordinal);
            case DuckDBType.TinyInt or DuckDBType.SmallInt or DuckDBType.UnsignedTinyInt:
                return Convert.ToInt16(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            case DuckDBType.Integer or DuckDBType.UnsignedSmallInt:
                return Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            case DuckDBType.BigInt or DuckDBType.UnsignedInteger:
                return Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            case DuckDBType.UnsignedBigInt or DuckDBType.HugeInt or DuckDBType.UnsignedHugeInt or DuckDBType.Decimal:
                return Numeric(reader, ordinal);
            case DuckDBType.Float:
                return reader.GetFloat(ordinal);
            case DuckDBType.Double:
                return reader.GetDouble(ordinal);
            case DuckDBType.Date:
                return reader.GetFieldValue<DateOnly>(ordinal);
            case DuckDBType.Timestamp or DuckDBType.TimestampS or DuckDBType.TimestampMs or DuckDBType.TimestampNs:
                return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Unspecified);
            case DuckDBType.TimestampTz:
                // DuckDB.NET gives the instant in UTC.
                return new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
            case DuckDBType.Time:
                return reader.GetFieldValue<TimeOnly>(ordinal);
            case DuckDBType.Interval:
                return Interval(reader.GetFieldValue<DuckDBInterval>(ordinal));
            case DuckDBType.Uuid:
                return reader.GetGuid(ordinal);
            case DuckDBType.Blob:
                using (var stream = reader.GetStream(ordinal))
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }
            default:
                return Text(reader.GetValue(ordinal), nested: false);
        }
    }

    /// <summary>
    /// An interval as a <see cref="TimeSpan"/>: months count as 30 days, as PostgreSQL's <c>justify_days</c> does,
    /// since a span of time has no calendar.
    /// </summary>
    public static TimeSpan Interval(DuckDBInterval interval) =>
        TimeSpan.FromDays((interval.Months * 30L) + interval.Days) + TimeSpan.FromTicks((long)(interval.Micros * 10));

    private static decimal Numeric(DuckDBDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetValue(ordinal) switch
            {
                decimal d => d,
                BigInteger big => (decimal)big,
                ulong u => u,
                var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
            };
        }
        catch (OverflowException ex)
        {
            throw new SqlApiException(SqlStates.DataException,
                $"Column {reader.GetName(ordinal)} holds a number with more than 28 significant digits, beyond what the SQL API serves as numeric.",
                "Cast it to DOUBLE or VARCHAR in the statement.", innerException: ex);
        }
    }

    /// <summary>
    /// A value in DuckDB's text form: lists as <c>[1, 2]</c>, structs as <c>{'x': 1}</c>, maps as <c>{k=v}</c>,
    /// strings inside them unquoted, as DuckDB's own cast to VARCHAR writes them.
    /// </summary>
    internal static string Text(object? value, bool nested) => value switch
    {
        null or DBNull => nested ? "NULL" : "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => Number(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimeOnly clock => clock.ToString(clock.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        IDictionary<string, object?> structure => "{" + string.Join(", ", structure.Select(p => $"'{p.Key}': {Text(p.Value, nested: true)}")) + "}",
        IDictionary map => Map(map),
        IEnumerable items and not byte[] => "[" + string.Join(", ", items.Cast<object?>().Select(i => Text(i, nested: true))) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static string Map(IDictionary map)
    {
        var entries = new List<string>(map.Count);
        var entry = map.GetEnumerator();
        while (entry.MoveNext())
        {
            entries.Add($"{Text(entry.Key, nested: true)}={Text(entry.Value, nested: true)}");
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A parameter value for DuckDB.NET: the CLR types <see cref="SqlType"/> names, passed as they are.</summary>
    public static DuckDBParameter Parameter(object? value) => value switch
    {
        null => new DuckDBParameter { Value = DBNull.Value },
        DateTimeOffset instant => new DuckDBParameter(instant.UtcDateTime),
        _ => new DuckDBParameter(value),
    };
}
