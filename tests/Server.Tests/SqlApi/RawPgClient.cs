using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// A bare PostgreSQL v3 client for the protocol's corners no driver reaches (Execute with a row limit, errors between
/// extended messages, version negotiation): it sends messages byte by byte and reads back (type, body) pairs.
/// </summary>
internal sealed class RawPgClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawPgClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _stream.ReadTimeout = 60_000;
    }

    public static async Task<RawPgClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RawPgClient(tcp);
    }

    /// <summary>Connects and logs in with SCRAM-SHA-256 (RFC 5802) as a driver would, up to the first ReadyForQuery.</summary>
    public static async Task<RawPgClient> LogInAsync(int port, string user, string password)
    {
        var client = await ConnectAsync(port);
        client.SendStartup(196608, ("user", user), ("database", "kencana"));
        var (type, body) = client.Read();
        Assert.Equal('R', type);
        Assert.Equal(10, BinaryPrimitives.ReadInt32BigEndian(body));
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var clientFirstBare = $"n=,r={nonce}";
        var first = Encoding.UTF8.GetBytes("n,," + clientFirstBare);
        client.Send('p', Concat(CString("SCRAM-SHA-256"), Int32(first.Length), first));
        (type, body) = client.Read();
        var serverFirst = Encoding.UTF8.GetString(body.AsSpan(4));
        var attributes = serverFirst.Split(',').ToDictionary(a => a[0], a => a[2..]);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(attributes['s']), int.Parse(attributes['i'], System.Globalization.CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var withoutProof = $"c=biws,r={attributes['r']}";
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = HMACSHA256.HashData(SHA256.HashData(clientKey), authMessage);
        var proof = clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray();
        client.Send('p', Encoding.UTF8.GetBytes($"{withoutProof},p={Convert.ToBase64String(proof)}"));
        client.ReadUntil('Z');
        return client;
    }

    public void SendStartup(int code, params (string Name, string Value)[] parameters)
    {
        var body = Concat([Int32(code), .. parameters.SelectMany(p => new[] { CString(p.Name), CString(p.Value) }), [0]]);
        _stream.Write(Concat(Int32(body.Length + 4), body));
    }

    public void Send(char type, byte[] body)
    {
        _stream.Write(Concat([(byte)type], Int32(body.Length + 4), body));
    }

    public void Query(string sql) => Send('Q', CString(sql));

    public void Parse(string name, string sql, params int[] oids) =>
        Send('P', Concat([CString(name), CString(sql), Int16(oids.Length), .. oids.Select(Int32)]));

    /// <summary>Bind with text parameters and results in <paramref name="resultFormat"/> (0 text, 1 binary).</summary>
    public void Bind(string portal, string statement, short resultFormat, params string?[] parameters) =>
        Send('B', Concat([CString(portal), CString(statement), Int16(0), Int16(parameters.Length),
            .. parameters.Select(p => p is null ? Int32(-1) : Concat(Int32(Encoding.UTF8.GetByteCount(p)), Encoding.UTF8.GetBytes(p))),
            Int16(1), Int16(resultFormat)]));

    public void Describe(char kind, string name) => Send('D', Concat([(byte)kind], CString(name)));

    public void Execute(string portal, int maxRows) => Send('E', Concat(CString(portal), Int32(maxRows)));

    public void Sync() => Send('S', []);

    public int ReadByte() => _stream.ReadByte();

    public (char Type, byte[] Body) Read()
    {
        var type = _stream.ReadByte();
        if (type < 0)
        {
            throw new EndOfStreamException("The server closed the connection.");
        }
        var length = new byte[4];
        _stream.ReadExactly(length);
        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(length) - 4];
        _stream.ReadExactly(body);
        return ((char)type, body);
    }

    /// <summary>Reads messages up to and including one of <paramref name="type"/>; returns the types seen, in order.</summary>
    public List<(char Type, byte[] Body)> ReadUntil(char type)
    {
        var seen = new List<(char, byte[])>();
        while (true)
        {
            var message = Read();
            seen.Add(message);
            if (message.Type == type)
            {
                return seen;
            }
        }
    }

    /// <summary>The SQLSTATE of an ErrorResponse body (its C field).</summary>
    public static string SqlState(byte[] error) => Field(error, 'C');

    public static string Field(byte[] error, char code)
    {
        var i = 0;
        while (i < error.Length && error[i] != 0)
        {
            var end = Array.IndexOf(error, (byte)0, i + 1);
            if (error[i] == code)
            {
                return Encoding.UTF8.GetString(error, i + 1, end - i - 1);
            }
            i = end + 1;
        }
        return "";
    }

    /// <summary>The first value of a DataRow body, as text.</summary>
    public static string? FirstValue(byte[] dataRow)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(dataRow.AsSpan(2));
        return length < 0 ? null : Encoding.UTF8.GetString(dataRow, 6, length);
    }

    private static byte[] CString(string value) => [.. Encoding.UTF8.GetBytes(value), 0];

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Int16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, (short)value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
