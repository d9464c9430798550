using System.Buffers.Binary;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>Reads whole frontend messages from the connection, each no larger than the configured limit.</summary>
internal sealed class PgMessageReader(Stream stream, int maxMessageBytes)
{
    /// <summary>PostgreSQL's own limit for a start-up packet (MAX_STARTUP_PACKET_LENGTH).</summary>
    public const int MaxStartupBytes = 10_000;

    private readonly byte[] _header = new byte[5];

    /// <summary>The start-up packet's body after its length word (the protocol code first), or null when the client hung up.</summary>
    public byte[]? ReadStartup()
    {
        if (!Fill(_header.AsSpan(0, 4), allowEnd: true))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(_header);
        if (length is < 8 or > MaxStartupBytes)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid length of startup packet: {length} bytes (at most {MaxStartupBytes})");
        }
        var body = new byte[length - 4];
        Fill(body, allowEnd: false);
        return body;
    }

    /// <summary>
    /// The next message, or null when the client hung up between messages. A message over the limit is read and
    /// dropped, and reported as <see cref="OversizedMessageException"/> so that the connection can go on.
    /// </summary>
    public FrontendMessage? Read()
    {
        if (!Fill(_header, allowEnd: true))
        {
            return null;
        }
        var type = _header[0];
        var length = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(1));
        if (length < 4)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid message length {length} for message type '{(char)type}'");
        }
        var bodyLength = length - 4;
        if (bodyLength > maxMessageBytes)
        {
            Skip(bodyLength);
            throw new OversizedMessageException(type, bodyLength);
        }
        var body = bodyLength == 0 ? [] : new byte[bodyLength];
        Fill(body, allowEnd: false);
        return new FrontendMessage(type, body);
    }

    private void Skip(long count)
    {
        var scratch = new byte[64 * 1024];
        while (count > 0)
        {
            var read = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
            if (read == 0)
            {
                throw new EndOfStreamException("The client hung up in the middle of a message.");
            }
            count -= read;
        }
    }

    private bool Fill(Span<byte> buffer, bool allowEnd)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer[filled..]);
            if (read == 0)
            {
                if (filled == 0 && allowEnd)
                {
                    return false;
                }
                throw new EndOfStreamException("The client hung up in the middle of a message.");
            }
            filled += read;
        }
        return true;
    }
}
