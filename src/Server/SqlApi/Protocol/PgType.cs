using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>How PostgreSQL names and sizes one type on the wire (pg_type: oid, typname, typlen, the array type's oid).</summary>
internal sealed record PgType(uint Oid, string Name, short Length, uint ArrayOid, SqlType SqlType)
{
    public static readonly PgType Bool = new(16, "bool", 1, 1000, SqlType.Bool);
    public static readonly PgType Bytea = new(17, "bytea", -1, 1001, SqlType.Bytea);
    public static readonly PgType Int8 = new(20, "int8", 8, 1016, SqlType.Int8);
    public static readonly PgType Int2 = new(21, "int2", 2, 1005, SqlType.Int2);
    public static readonly PgType Int4 = new(23, "int4", 4, 1007, SqlType.Int4);
    public static readonly PgType Text = new(25, "text", -1, 1009, SqlType.Text);
    public static readonly PgType Float4 = new(700, "float4", 4, 1021, SqlType.Float4);
    public static readonly PgType Float8 = new(701, "float8", 8, 1022, SqlType.Float8);
    public static readonly PgType Date = new(1082, "date", 4, 1182, SqlType.Date);
    public static readonly PgType Time = new(1083, "time", 8, 1183, SqlType.Time);
    public static readonly PgType Timestamp = new(1114, "timestamp", 8, 1115, SqlType.Timestamp);
    public static readonly PgType TimestampTz = new(1184, "timestamptz", 8, 1185, SqlType.TimestampTz);
    public static readonly PgType Interval = new(1186, "interval", 16, 1187, SqlType.Interval);
    public static readonly PgType Numeric = new(1700, "numeric", -1, 1231, SqlType.Numeric);
    public static readonly PgType Uuid = new(2950, "uuid", 16, 2951, SqlType.Uuid);

    // Types a client may name for a parameter or see in the catalogue; their values travel as text.
    public static readonly PgType NameType = new(19, "name", 64, 1003, SqlType.Text);
    public static readonly PgType Char = new(18, "char", 1, 1002, SqlType.Text);
    public static readonly PgType OidType = new(26, "oid", 4, 1028, SqlType.Int8);
    public static readonly PgType Varchar = new(1043, "varchar", -1, 1015, SqlType.Text);
    public static readonly PgType Bpchar = new(1042, "bpchar", -1, 1014, SqlType.Text);
    public static readonly PgType Json = new(114, "json", -1, 199, SqlType.Text);
    public static readonly PgType Unknown = new(705, "unknown", -2, 0, SqlType.Text);

    /// <summary>The base types the API serves and names, in pg_type order.</summary>
    public static IReadOnlyList<PgType> All { get; } =
        [Bool, Bytea, Char, NameType, Int8, Int2, Int4, Text, OidType, Json, Float4, Float8, Unknown, Bpchar, Varchar, Date, Time, Timestamp, TimestampTz, Interval, Numeric, Uuid];

    private static readonly Dictionary<uint, PgType> ByOid = All.ToDictionary(t => t.Oid);

    /// <summary>The wire type of a column or parameter the session describes.</summary>
    public static PgType Of(SqlType type) => type switch
    {
        SqlType.Bool => Bool,
        SqlType.Int2 => Int2,
        SqlType.Int4 => Int4,
        SqlType.Int8 => Int8,
        SqlType.Float4 => Float4,
        SqlType.Float8 => Float8,
        SqlType.Numeric => Numeric,
        SqlType.Date => Date,
        SqlType.Timestamp => Timestamp,
        SqlType.TimestampTz => TimestampTz,
        SqlType.Time => Time,
        SqlType.Interval => Interval,
        SqlType.Uuid => Uuid,
        SqlType.Bytea => Bytea,
        _ => Text,
    };

    /// <summary>The type a client named by OID (in Parse), or null for 0 (unspecified) and types the API does not know.</summary>
    public static PgType? FromOid(uint oid) => ByOid.GetValueOrDefault(oid);
}
