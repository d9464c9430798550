using Kencana.Server.SqlApi.Protocol;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>The first packet of a connection: a request code (SSL, GSSAPI encryption, cancel) or a StartupMessage with its protocol version and parameters.</summary>
internal sealed record StartupPacket(int Code, IReadOnlyDictionary<string, string> Parameters, int CancelProcessId, int CancelSecret)
{
    public const int SslRequest = 80877103;
    public const int GssEncRequest = 80877104;
    public const int CancelRequest = 80877102;

    public int Major => Code >> 16;

    public int Minor => Code & 0xFFFF;

    public bool IsStartup => Major is >= 1 and <= 3 || (Major > 3 && Major < 1234);

    public static StartupPacket Parse(byte[] body)
    {
        var payload = new PgPayload(body);
        var code = payload.Int32();
        if (code == CancelRequest)
        {
            return new StartupPacket(code, new Dictionary<string, string>(), payload.Int32(), payload.Int32());
        }
        if (code is SslRequest or GssEncRequest)
        {
            return new StartupPacket(code, new Dictionary<string, string>(), 0, 0);
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (payload.Remaining > 1)
        {
            var name = payload.CString();
            var value = payload.CString();
            parameters[name] = value;
        }
        if (payload.Remaining != 1 || payload.Byte() != 0)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, "invalid startup packet layout: expected terminator as last byte");
        }
        return new StartupPacket(code, parameters, 0, 0);
    }
}
