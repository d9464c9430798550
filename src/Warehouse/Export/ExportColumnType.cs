namespace Kencana.Warehouse.Export;

/// <summary>The type of an exported column, the same in every format (Arrow and Parquet carry it; CSV writes it as text).</summary>
public enum ExportColumnType
{
    /// <summary>UTF-8 text (<c>string</c>).</summary>
    Text,
    /// <summary>
    /// A Kemendagri region code such as <c>64.02</c> or <c>64</c>: text (<c>string</c>) in every format, though most
    /// CSV readers would guess a number, and then 64.10 becomes 64.1, or, with a decimal comma, 64.02 becomes 6402,
    /// the BPS code of another kabupaten. The <c>excel-id</c> CSV writes it as an Excel text formula, <c>="64.02"</c>.
    /// </summary>
    RegionCode,
    /// <summary>A 16-bit integer (<c>int16</c>), for years.</summary>
    SmallInt,
    /// <summary>A 32-bit integer (<c>int32</c>).</summary>
    Integer32,
    /// <summary>A 64-bit integer (<c>int64</c>), for counts.</summary>
    BigInt,
    /// <summary>A 64-bit floating-point number (<c>double</c>).</summary>
    DoublePrecision,
    /// <summary>True or false (<c>boolean</c>).</summary>
    Boolean,
    /// <summary>A calendar date without time (<c>date</c>: Arrow date32, Parquet DATE).</summary>
    Date,
}

/// <summary>The names of <see cref="ExportColumnType"/> in the catalogue.</summary>
public static class ExportColumnTypes
{
    /// <summary>The catalogue name of the type: <c>string</c>, <c>int16</c>, <c>int32</c>, <c>int64</c>, <c>double</c>, <c>boolean</c> or <c>date</c>.</summary>
    public static string Name(this ExportColumnType type) => type switch
    {
        ExportColumnType.Text or ExportColumnType.RegionCode => "string",
        ExportColumnType.SmallInt => "int16",
        ExportColumnType.Integer32 => "int32",
        ExportColumnType.BigInt => "int64",
        ExportColumnType.DoublePrecision => "double",
        ExportColumnType.Boolean => "boolean",
        _ => "date",
    };

    /// <summary>The DuckDB type of a column type.</summary>
    internal static string SqlType(this ExportColumnType type) => type switch
    {
        ExportColumnType.Text or ExportColumnType.RegionCode => "VARCHAR",
        ExportColumnType.SmallInt => "SMALLINT",
        ExportColumnType.Integer32 => "INTEGER",
        ExportColumnType.BigInt => "BIGINT",
        ExportColumnType.DoublePrecision => "DOUBLE",
        ExportColumnType.Boolean => "BOOLEAN",
        _ => "DATE",
    };
}
