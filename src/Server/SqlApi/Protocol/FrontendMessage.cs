namespace Kencana.Server.SqlApi.Protocol;

/// <summary>One message from the client after start-up: its type byte and body (without the length word).</summary>
/// <param name="Type">'Q', 'P', 'B', 'D', 'E', 'C', 'S', 'H', 'X', 'p', ...</param>
/// <param name="Body">The body, owned by the message.</param>
internal readonly record struct FrontendMessage(byte Type, byte[] Body);
