using System.Diagnostics;
using System.Globalization;
using System.Text;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using DuckDB.NET.Data;
using Grpc.Core;
using Grpc.Net.Client;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Storage;

// Three measurements the shell script cannot make with curl:
//   copy   WAREHOUSE TICKET OUT [FORMAT]   DuckDB's own COPY (the export's query) TO OUT (FORMAT parquet or csv):
//                                          a baseline
//   flight URL TICKET                      an Arrow Flight DoGet of the ticket through the .NET Flight client,
//                                          which decodes every batch: prints rows, seconds and Arrow buffer bytes
//   flight-bytes URL TICKET                the same DoGet read as gRPC messages and counted, not decoded, as curl
//                                          reads the HTTP exports: prints messages, seconds and message bytes
// Each prints one line: rows (or messages) seconds bytes.
if (args is ["copy", var warehouse, var ticket, var output, .. var rest] && rest is [] or ["parquet" or "csv"])
{
    var format = rest is [var named] ? named : "parquet";
    var database = new WarehouseDatabase(warehouse, readOnly: true);
    var registry = new ExportDatasetRegistry([new ObservationsDataset(), new RollupsDataset(), new AchievementDataset()]);
    var request = new ExportRequestParser(registry, database).ParseTicket(ticket);
    var query = request.Dataset.BuildQuery(request.Filter);
    File.Delete(output);
    using var connection = database.OpenConnection();
    using var command = connection.CreateCommand();
    // The same statement text and parameters the server runs; the path is ours.
    command.CommandText = $"COPY ({query.Sql}) TO '{output.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT {format})";
    foreach (var (name, value) in query.Parameters)
    {
        command.Parameters.Add(new DuckDBParameter(name, value));
    }
    var clock = Stopwatch.StartNew();
    var rows = command.ExecuteNonQuery();
    Print(rows, clock.Elapsed.TotalSeconds, new FileInfo(output).Length);
    return 0;
}
if (args is ["flight", var url, var flightTicket])
{
    using var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { MaxReceiveMessageSize = null });
    var client = new FlightClient(channel);
    var clock = Stopwatch.StartNew();
    long rows = 0;
    long bytes = 0;
    using var call = client.GetStream(new FlightTicket(flightTicket));
    while (await call.ResponseStream.MoveNext(CancellationToken.None))
    {
        var batch = call.ResponseStream.Current;
        rows += batch.Length;
        bytes += batch.Arrays.Sum(a => a.Data.Buffers.Sum(b => (long)b.Length));
    }
    Print(rows, clock.Elapsed.TotalSeconds, bytes);
    return 0;
}
if (args is ["flight-bytes", var bytesUrl, var bytesTicket])
{
    using var channel = GrpcChannel.ForAddress(bytesUrl, new GrpcChannelOptions { MaxReceiveMessageSize = null });
    // Flight's DoGet as a plain gRPC method: the request is a protobuf Ticket written by hand (field 1, bytes), and
    // each FlightData message is only measured, never parsed.
    var request = new Method<byte[], MessageSize>(MethodType.ServerStreaming, "arrow.flight.protocol.FlightService", "DoGet",
        Marshallers.Create(static (byte[] b) => b, static b => b),
        Marshallers.Create<MessageSize>(static (_, _) => throw new NotSupportedException(), static context => new MessageSize(context.PayloadLength)));
    var clock = Stopwatch.StartNew();
    long messages = 0;
    long bytes = 0;
    using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(request, null, new CallOptions(), TicketMessage(bytesTicket));
    while (await call.ResponseStream.MoveNext(CancellationToken.None))
    {
        messages++;
        bytes += call.ResponseStream.Current.Bytes;
    }
    Print(messages, clock.Elapsed.TotalSeconds, bytes);
    return 0;
}
Console.Error.WriteLine("usage: copy WAREHOUSE TICKET OUT [parquet|csv] | flight URL TICKET | flight-bytes URL TICKET");
return 2;

// A protobuf Ticket: field 1 (wire type 2, length-delimited) holding the ticket's UTF-8 bytes.
static byte[] TicketMessage(string ticket)
{
    var text = Encoding.UTF8.GetBytes(ticket);
    var message = new List<byte> { 0x0A };
    for (var length = (uint)text.Length; ; length >>= 7)
    {
        if (length < 0x80)
        {
            message.Add((byte)length);
            break;
        }
        message.Add((byte)(length | 0x80));
    }
    message.AddRange(text);
    return [.. message];
}

static void Print(long rows, double seconds, long bytes) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} {seconds:F3} {bytes}"));

/// <summary>The size of one gRPC message, the only thing the byte-counting Flight client keeps of it.</summary>
internal sealed record MessageSize(long Bytes);
