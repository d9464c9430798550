namespace Kencana.Warehouse.SqlApi;

/// <summary>
/// The column and parameter types the SQL API serves, named as PostgreSQL names them, each with one CLR type for its
/// values; an engine type outside this list is served as <see cref="Text"/> in the engine's own text form.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The members are PostgreSQL's own type names, which clients and drivers show.")]
public enum SqlType
{
    /// <summary><see cref="bool"/>; PostgreSQL <c>bool</c>.</summary>
    Bool,

    /// <summary><see cref="short"/>; PostgreSQL <c>int2</c>.</summary>
    Int2,

    /// <summary><see cref="int"/>; PostgreSQL <c>int4</c>.</summary>
    Int4,

    /// <summary><see cref="long"/>; PostgreSQL <c>int8</c>.</summary>
    Int8,

    /// <summary><see cref="float"/>; PostgreSQL <c>float4</c>.</summary>
    Float4,

    /// <summary><see cref="double"/>; PostgreSQL <c>float8</c>.</summary>
    Float8,

    /// <summary><see cref="decimal"/>; PostgreSQL <c>numeric</c> (also for integers wider than 64 bits).</summary>
    Numeric,

    /// <summary><see cref="string"/>; PostgreSQL <c>text</c>.</summary>
    Text,

    /// <summary><see cref="DateOnly"/>; PostgreSQL <c>date</c>.</summary>
    Date,

    /// <summary><see cref="DateTime"/> of kind Unspecified; PostgreSQL <c>timestamp</c>.</summary>
    Timestamp,

    /// <summary><see cref="DateTimeOffset"/> in UTC; PostgreSQL <c>timestamptz</c>.</summary>
    TimestampTz,

    /// <summary><see cref="TimeOnly"/>; PostgreSQL <c>time</c>.</summary>
    Time,

    /// <summary><see cref="TimeSpan"/>; PostgreSQL <c>interval</c>.</summary>
    Interval,

    /// <summary><see cref="Guid"/>; PostgreSQL <c>uuid</c>.</summary>
    Uuid,

    /// <summary>A byte array; PostgreSQL <c>bytea</c>.</summary>
    Bytea,
}
