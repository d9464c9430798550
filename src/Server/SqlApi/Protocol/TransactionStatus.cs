namespace Kencana.Server.SqlApi.Protocol;

/// <summary>The transaction status ReadyForQuery reports.</summary>
internal enum TransactionStatus : byte
{
    Idle = (byte)'I',
    InBlock = (byte)'T',
    Failed = (byte)'E',
}
