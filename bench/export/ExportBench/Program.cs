using System.Diagnostics;
using System.Globalization;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using DuckDB.NET.Data;
using Grpc.Net.Client;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Storage;

// Two measurements the shell script cannot make with curl:
//   copy   WAREHOUSE TICKET OUT [FORMAT]   DuckDB's own COPY (the export's query) TO OUT (FORMAT parquet or csv):
//                                          a baseline
//   flight URL TICKET                      an Arrow Flight DoGet of the ticket through the .NET Flight client
// Each prints one line: rows seconds bytes.
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
Console.Error.WriteLine("usage: copy WAREHOUSE TICKET OUT [parquet|csv] | flight URL TICKET");
return 2;

static void Print(long rows, double seconds, long bytes) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} {seconds:F3} {bytes}"));
