using System.Data.Common;

namespace Kencana.Warehouse.Storage;

/// <summary>Null-aware column reads by name, so row mappers read like the SELECT they map.</summary>
internal static class DataReaderExtensions
{
    public static string? GetNullableString(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public static double? GetNullableDouble(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long? GetNullableInt64(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string GetRequiredString(this DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static double GetRequiredDouble(this DbDataReader reader, string column) =>
        Convert.ToDouble(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static int GetRequiredInt32(this DbDataReader reader, string column) =>
        Convert.ToInt32(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static long GetRequiredInt64(this DbDataReader reader, string column) =>
        Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static bool GetRequiredBoolean(this DbDataReader reader, string column) => reader.GetBoolean(reader.GetOrdinal(column));
}
