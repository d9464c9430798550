using System.Buffers.Binary;
using System.Text;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>Reads the fields of one frontend message's body, refusing (08P01) a body that ends early.</summary>
internal ref struct PgPayload(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public readonly int Remaining => _body.Length - _position;

    public short Int16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Take(2));
        return value;
    }

    public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public byte Byte() => Take(1)[0];

    /// <summary>A null-terminated UTF-8 string.</summary>
    public string CString()
    {
        var end = _body[_position..].IndexOf((byte)0);
        if (end < 0)
        {
            throw Broken("a string without its terminating zero byte");
        }
        var text = Encoding.UTF8.GetString(_body.Slice(_position, end));
        _position += end + 1;
        return text;
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0)
        {
            throw Broken($"a negative length {count}");
        }
        return Take(count);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_body.Length - _position < count)
        {
            throw Broken("a message shorter than its fields");
        }
        var span = _body.Slice(_position, count);
        _position += count;
        return span;
    }

    public static SqlApiException Broken(string what) =>
        new(SqlStates.ProtocolViolation, $"invalid frontend message: {what}");
}
