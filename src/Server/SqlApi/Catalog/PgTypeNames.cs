using Kencana.Server.SqlApi.Protocol;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// PostgreSQL's format_type names for the types the wire protocol serves (<see cref="PgType"/>): what psql's
/// <c>\d NAME</c> shows as a column's type, so that it names the type a client actually receives.
/// </summary>
internal static class PgTypeNames
{
    private static readonly Dictionary<PgType, string> Names = new()
    {
        [PgType.Bool] = "boolean",
        [PgType.Bytea] = "bytea",
        [PgType.Char] = "\"char\"",
        [PgType.NameType] = "name",
        [PgType.Int8] = "bigint",
        [PgType.Int2] = "smallint",
        [PgType.Int4] = "integer",
        [PgType.Text] = "text",
        [PgType.OidType] = "oid",
        [PgType.Json] = "json",
        [PgType.Float4] = "real",
        [PgType.Float8] = "double precision",
        [PgType.Unknown] = "unknown",
        [PgType.Bpchar] = "character",
        [PgType.Varchar] = "character varying",
        [PgType.Date] = "date",
        [PgType.Time] = "time without time zone",
        [PgType.Timestamp] = "timestamp without time zone",
        [PgType.TimestampTz] = "timestamp with time zone",
        [PgType.Interval] = "interval",
        [PgType.Numeric] = "numeric",
        [PgType.Uuid] = "uuid",
    };

    /// <summary>format_type's name for the type; numeric with its precision and scale when the engine's type has them.</summary>
    public static string Of(PgType type, int? precision = null, int? scale = null) =>
        type == PgType.Numeric && precision is { } p && scale is { } s
            ? $"numeric({p},{s})"
            : Names.TryGetValue(type, out var name) ? name : type.Name;
}
