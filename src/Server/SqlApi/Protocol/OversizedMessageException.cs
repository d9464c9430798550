namespace Kencana.Server.SqlApi.Protocol;

/// <summary>A client message larger than <c>SqlApi:MaxMessageBytes</c>; it has been read and dropped.</summary>
internal sealed class OversizedMessageException(byte type, int length) : Exception($"message of type '{(char)type}' is {length} bytes")
{
    public byte Type { get; } = type;

    public int Length { get; } = length;
}
