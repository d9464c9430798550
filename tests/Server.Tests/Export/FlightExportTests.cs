using Apache.Arrow;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>Arrow Flight through the .NET Flight client, over HTTP/2 to the in-memory test server.</summary>
[Collection(ServerGroup.Name)]
public sealed class FlightExportTests(KencanaServerFactory server) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(server.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.Server.CreateHandler() });

    private FlightClient Client => new(_channel);

    [Fact]
    public async Task ListFlights_lists_every_dataset_with_its_schema()
    {
        var flights = new List<FlightInfo>();
        using var call = Client.ListFlights();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            flights.Add(call.ResponseStream.Current);
        }
        Assert.Equal(["achievement", "forecasts", "observations", "outlooks", "rollups"], flights.Select(f => f.Descriptor.Paths.Single()));
        var observations = flights.Single(f => f.Descriptor.Paths.Single() == "observations");
        Assert.Equal("region_name", observations.Schema.FieldsList[2].Name);
        Assert.IsType<Apache.Arrow.Types.Date32Type>(observations.Schema.GetFieldByName("period_start").DataType);
    }

    [Fact]
    public async Task GetFlightInfo_then_DoGet_streams_the_same_rows_as_the_HTTP_export()
    {
        var info = await Client.GetInfo(FlightDescriptor.CreateCommandDescriptor("observations?indicator=STUNTING&parentCode=64&fromYear=2022"));
        var endpoint = Assert.Single(info.Endpoints);
        Assert.Equal("observations?indicator=STUNTING&parent=64&fromYear=2022", endpoint.Ticket.Ticket.ToStringUtf8());

        var rows = new List<(string Region, short Year, double Value, string Source)>();
        using (var stream = Client.GetStream(endpoint.Ticket))
        {
            while (await stream.ResponseStream.MoveNext(CancellationToken.None))
            {
                var batch = stream.ResponseStream.Current;
                var regions = (StringArray)batch.Column("region_code");
                var years = (Int16Array)batch.Column("year");
                var values = (DoubleArray)batch.Column("value");
                var sources = (StringArray)batch.Column("source_id");
                for (var i = 0; i < batch.Length; i++)
                {
                    rows.Add((regions.GetString(i), years.GetValue(i)!.Value, values.GetValue(i)!.Value, sources.GetString(i)));
                }
            }
        }

        using var parquet = await ExportDownload.GetAsync(server.CreateClient(), "/api/v1/export/observations.parquet?indicator=STUNTING&parent=64&fromYear=2022");
        var expected = parquet.ReadWithDuckDB(orderBy: "region_code, year, source_id")
            .Select(r => ((string)r["region_code"]!, (short)r["year"]!, (double)r["value"]!, (string)r["source_id"]!));
        Assert.NotEmpty(rows);
        Assert.Equal(expected, rows.Order());
        Assert.Contains(("64.07", (short)2024, 27.6, "S29"), rows);
    }

    [Theory]
    [InlineData("observations", StatusCode.InvalidArgument, "all=true")]
    [InlineData("observations?indicator=NOPE", StatusCode.InvalidArgument, "NOPE")]
    [InlineData("predictions?indicator=STUNTING", StatusCode.NotFound, "predictions")]
    [InlineData("rollups?indicator=TFR", StatusCode.FailedPrecondition, "does not add up")]
    public async Task Refused_requests_are_gRPC_errors_with_the_problem_detail(string command, StatusCode code, string detailPart)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetInfo(FlightDescriptor.CreateCommandDescriptor(command)).ResponseAsync);
        Assert.Equal(code, error.StatusCode);
        Assert.Contains(detailPart, error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var ticketError = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var stream = Client.GetStream(new FlightTicket(command));
            await stream.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Equal(code, ticketError.StatusCode);
    }

    public void Dispose() => _channel.Dispose();
}
