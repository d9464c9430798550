using System.Buffers.Binary;
using System.Text;

namespace Kencana.Server.SqlApi.Protocol;

/// <summary>
/// Builds backend messages in one growing buffer and sends it when it passes 64 KiB or on <see cref="Flush"/>, so a
/// long result streams in bounded memory and a short answer goes out in one write.
/// </summary>
internal sealed class PgMessageWriter(Stream stream)
{
    private const int SendThreshold = 64 * 1024;

    private byte[] _buffer = new byte[SendThreshold * 2];
    private int _position;
    private int _messageStart = -1;

    /// <summary>Begins a message of <paramref name="type"/>; its length is filled in by <see cref="End"/>.</summary>
    public void Start(byte type)
    {
        Ensure(5);
        _buffer[_position++] = type;
        _messageStart = _position;
        _position += 4;
    }

    public void End()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_messageStart), _position - _messageStart);
        _messageStart = -1;
        if (_position >= SendThreshold)
        {
            Send();
        }
    }

    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void Int16(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += 2;
    }

    public void Int32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    public void Int64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    /// <summary>UTF-8 text without a terminator.</summary>
    public void Utf8(string value)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(value.Length));
        _position += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>A null-terminated UTF-8 string.</summary>
    public void CString(string value)
    {
        Utf8(value);
        Byte(0);
    }

    /// <summary>Space for at least <paramref name="size"/> bytes; say how many were used with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _buffer.AsSpan(_position);
    }

    public void Advance(int count) => _position += count;

    /// <summary>Where the next byte goes, for a field whose length is written after its value (<see cref="PatchInt32"/>).</summary>
    public int Position => _position;

    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at), value);

    /// <summary>Sends what is buffered and flushes the stream.</summary>
    public void Flush()
    {
        Send();
        stream.Flush();
    }

    /// <summary>Drops a message begun but not ended (its value failed to encode), keeping the messages before it.</summary>
    public void Abandon()
    {
        if (_messageStart >= 0)
        {
            _position = _messageStart - 1;
            _messageStart = -1;
        }
    }

    private void Send()
    {
        var end = _messageStart >= 0 ? _messageStart - 1 : _position;
        if (end == 0)
        {
            return;
        }
        stream.Write(_buffer, 0, end);
        var pending = _position - end;
        if (pending > 0)
        {
            Buffer.BlockCopy(_buffer, end, _buffer, 0, pending);
        }
        _position = pending;
        if (_messageStart >= 0)
        {
            _messageStart -= end;
        }
    }

    private void Ensure(int size)
    {
        if (_buffer.Length - _position >= size)
        {
            return;
        }
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + size));
    }
}
