using Apache.Arrow;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Server;
using Grpc.Core;
using Kencana.Warehouse.Export;

namespace Kencana.Server.Flight;

/// <summary>
/// Arrow Flight over the export datasets. ListFlights lists them; GetFlightInfo takes a command descriptor
/// <c>dataset?filters</c> (the HTTP export's query parameters, for example <c>observations?indicator=STUNTING</c>)
/// or a path descriptor <c>[dataset]</c>, and answers a ticket that DoGet streams with the same rules and batches.
/// </summary>
internal sealed partial class ExportFlightServer(
    ExportDatasetRegistry registry, ExportRequestParser parser, ExportService exports, ILogger<ExportFlightServer> logger) : FlightServer
{
    public override async Task ListFlights(FlightCriteria request, IAsyncStreamWriter<FlightInfo> responseStream, ServerCallContext context)
    {
        // No endpoints: every dataset needs a filter, so the caller asks GetFlightInfo with one for a ticket.
        foreach (var dataset in registry.Datasets)
        {
            await responseStream.WriteAsync(new FlightInfo(ExportArrowSchema.For(dataset), FlightDescriptor.CreatePathDescriptor(dataset.Name), []));
        }
    }

    public override Task<Schema> GetSchema(FlightDescriptor request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(ExportArrowSchema.For(parser.FindDataset(DescriptorText(request))));
        }
        catch (InvalidExportRequestException ex)
        {
            throw ToRpc(ex);
        }
    }

    public override Task<FlightInfo> GetFlightInfo(FlightDescriptor request, ServerCallContext context)
    {
        var export = Parse(DescriptorText(request));
        var endpoint = new FlightEndpoint(new FlightTicket(export.Ticket), []);
        return Task.FromResult(new FlightInfo(ExportArrowSchema.For(export.Dataset), request, [endpoint]));
    }

    public override async Task DoGet(FlightTicket ticket, FlightServerRecordBatchStreamWriter responseStream, ServerCallContext context)
    {
        var export = Parse(ticket.Ticket.ToStringUtf8());
        using var session = exports.Open(export);
        await responseStream.SetupStream(session.Schema);
        long rows = 0;
        await foreach (var batch in session.ReadBatchesAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(batch);
            rows += batch.Length;
        }
        LogServed(logger, export.Ticket, rows, session.DataStamp.Version);
    }

    public override Task ListActions(IAsyncStreamWriter<FlightActionType> responseStream, ServerCallContext context) => Task.CompletedTask;

    private ExportRequest Parse(string ticket)
    {
        try
        {
            return parser.ParseTicket(ticket);
        }
        catch (InvalidExportRequestException ex)
        {
            throw ToRpc(ex);
        }
    }

    private static string DescriptorText(FlightDescriptor descriptor) => descriptor.Type == FlightDescriptorType.Path
        ? string.Join('/', descriptor.Paths)
        : descriptor.Command.ToStringUtf8();

    private static RpcException ToRpc(InvalidExportRequestException ex)
    {
        var problem = ex.Problem;
        var code = problem.Status switch
        {
            404 => StatusCode.NotFound,
            422 => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        };
        // The detail and the parameter echo the caller's ticket, which may hold anything; Kestrel would refuse them
        // as header values and fail the call with Unknown.
        var trailers = new Metadata { { "problem-type", GrpcStatusText.ToAscii(problem.Type) } };
        if (problem.Parameter is not null)
        {
            trailers.Add("parameter", GrpcStatusText.ToAscii(problem.Parameter));
        }
        return new RpcException(new Status(code, GrpcStatusText.ToAscii(problem.Detail)), trailers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flight DoGet {Ticket}: {Rows} rows at data version {Version}")]
    private static partial void LogServed(ILogger logger, string ticket, long rows, int version);
}
