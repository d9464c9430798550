using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>The server's messages of the PostgreSQL v3 protocol (PostgreSQL documentation, "Message Formats").</summary>
internal static class BackendMessages
{
    public static void AuthenticationOk(this PgMessageWriter w) => Authentication(w, 0, []);

    /// <summary>AuthenticationSASL, offering SCRAM-SHA-256 only: no channel binding without TLS.</summary>
    public static void AuthenticationSasl(this PgMessageWriter w)
    {
        w.Start((byte)'R');
        w.Int32(10);
        w.CString("SCRAM-SHA-256");
        w.Byte(0);
        w.End();
    }

    public static void AuthenticationSaslContinue(this PgMessageWriter w, ReadOnlySpan<byte> data) => Authentication(w, 11, data);

    public static void AuthenticationSaslFinal(this PgMessageWriter w, ReadOnlySpan<byte> data) => Authentication(w, 12, data);

    private static void Authentication(PgMessageWriter w, int code, ReadOnlySpan<byte> data)
    {
        w.Start((byte)'R');
        w.Int32(code);
        w.Bytes(data);
        w.End();
    }

    public static void ParameterStatus(this PgMessageWriter w, string name, string value)
    {
        w.Start((byte)'S');
        w.CString(name);
        w.CString(value);
        w.End();
    }

    public static void BackendKeyData(this PgMessageWriter w, int processId, int secret)
    {
        w.Start((byte)'K');
        w.Int32(processId);
        w.Int32(secret);
        w.End();
    }

    /// <summary>NegotiateProtocolVersion: the newest minor version served (3.0) and the protocol options not recognised.</summary>
    public static void NegotiateProtocolVersion(this PgMessageWriter w, int newestMinor, IReadOnlyList<string> unrecognised)
    {
        w.Start((byte)'v');
        w.Int32(newestMinor);
        w.Int32(unrecognised.Count);
        foreach (var option in unrecognised)
        {
            w.CString(option);
        }
        w.End();
    }

    public static void ReadyForQuery(this PgMessageWriter w, TransactionStatus status)
    {
        w.Start((byte)'Z');
        w.Byte((byte)status);
        w.End();
    }

    /// <summary>RowDescription; <paramref name="binary"/> says for each column whether its values travel in binary.</summary>
    public static void RowDescription(this PgMessageWriter w, IReadOnlyList<SqlColumn> columns, IReadOnlyList<bool> binary)
    {
        w.Start((byte)'T');
        w.Int16((short)columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var type = PgType.Of(columns[i].Type);
            w.CString(columns[i].Name);
            w.Int32(0); // not a table's column
            w.Int16(0);
            w.Int32((int)type.Oid);
            w.Int16(type.Length);
            w.Int32(-1);
            w.Int16(binary[i] ? (short)1 : (short)0);
        }
        w.End();
    }

    public static void ParameterDescription(this PgMessageWriter w, IReadOnlyList<uint> oids)
    {
        w.Start((byte)'t');
        w.Int16((short)oids.Count);
        foreach (var oid in oids)
        {
            w.Int32((int)oid);
        }
        w.End();
    }

    public static void NoData(this PgMessageWriter w) => Empty(w, 'n');

    public static void ParseComplete(this PgMessageWriter w) => Empty(w, '1');

    public static void BindComplete(this PgMessageWriter w) => Empty(w, '2');

    public static void CloseComplete(this PgMessageWriter w) => Empty(w, '3');

    public static void PortalSuspended(this PgMessageWriter w) => Empty(w, 's');

    public static void EmptyQueryResponse(this PgMessageWriter w) => Empty(w, 'I');

    private static void Empty(PgMessageWriter w, char type)
    {
        w.Start((byte)type);
        w.End();
    }

    public static void CommandComplete(this PgMessageWriter w, string tag)
    {
        w.Start((byte)'C');
        w.CString(tag);
        w.End();
    }

    /// <summary>ErrorResponse (or a NoticeResponse with <paramref name="notice"/>) with the fields S, V, C, M, D, H and P.</summary>
    public static void Error(this PgMessageWriter w, string severity, string sqlState, string message, string? hint = null, int? position = null, string? detail = null, bool notice = false)
    {
        w.Start(notice ? (byte)'N' : (byte)'E');
        Field(w, 'S', severity);
        Field(w, 'V', severity);
        Field(w, 'C', sqlState);
        Field(w, 'M', message);
        if (detail is not null)
        {
            Field(w, 'D', detail);
        }
        if (hint is not null)
        {
            Field(w, 'H', hint);
        }
        if (position is int p)
        {
            Field(w, 'P', p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        w.Byte(0);
        w.End();
    }

    public static void Error(this PgMessageWriter w, SqlApiException error, string severity = "ERROR") =>
        w.Error(severity, error.SqlState, error.Message, error.Hint, error.Position);

    private static void Field(PgMessageWriter w, char code, string value)
    {
        w.Byte((byte)code);
        w.CString(value);
    }
}
