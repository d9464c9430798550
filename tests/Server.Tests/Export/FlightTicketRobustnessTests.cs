using System.Text;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.Export;

/// <summary>
/// Tickets and commands a client can get wrong, against Flight in Kestrel: every one must be refused with a gRPC
/// status the client can act on (InvalidArgument, NotFound), never Unknown or Internal, and the server must go on
/// serving. Kestrel, unlike the in-memory test server, refuses header and trailer values that are not ASCII.
/// </summary>
[Collection(LiveFlightServerGroup.Name)]
public sealed class FlightTicketRobustnessTests(LiveFlightServerFactory server) : IDisposable
{
    private const string Valid = "observations?indicator=STUNTING&parent=64";
    private readonly GrpcChannel _channel = server.CreateFlightChannel();

    private FlightClient Client => new(_channel);

    public static TheoryData<string, StatusCode, string> BadTickets => new()
    {
        { "observations?indikatör=STUNTING", StatusCode.InvalidArgument, @"indikat\u00F6r" },
        { "observations?indicator=STUNTING&region=64.0２", StatusCode.InvalidArgument, @"64.0\uFF12" },
        { "observations?indi\r\ncator=STUNTING", StatusCode.InvalidArgument, @"indi\u000D\u000Acator" },
        { "observations?indicator\0=STUNTING", StatusCode.InvalidArgument, @"indicator\u0000" },
        { "observations?%E2%80%AEindicator=STUNTING", StatusCode.InvalidArgument, @"\u202Eindicator" },
        { "observations?indicator=STUNTING&dialect=\u007f", StatusCode.InvalidArgument, "dialect" },
        { "obsérvations?indicator=STUNTING", StatusCode.NotFound, @"obs\u00E9rvations" },
        { "ob\nservations?indicator=STUNTING", StatusCode.NotFound, @"ob\u000Aservations" },
        { "observations?indicator=STUNTING😀", StatusCode.InvalidArgument, @"\uD83D\uDE00" },
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public async Task A_ticket_with_non_ASCII_or_control_characters_is_refused_with_an_escaped_detail(string ticket, StatusCode code, string detailPart)
    {
        foreach (var error in await RefusalsAsync(Encoding.UTF8.GetBytes(ticket)))
        {
            Assert.Equal(code, error.StatusCode);
            Assert.Contains(detailPart, error.Status.Detail, StringComparison.Ordinal);
            AssertMetadataSafe(error);
        }
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_huge_ticket_is_refused_with_a_short_detail()
    {
        var ticket = "observations?" + new string('x', 1_000_000) + "=1";
        foreach (var error in await RefusalsAsync(Encoding.UTF8.GetBytes(ticket)))
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains("1000000 characters", error.Status.Detail, StringComparison.Ordinal);
            Assert.True(error.Status.Detail.Length < 1000, error.Status.Detail[..Math.Min(200, error.Status.Detail.Length)]);
            AssertMetadataSafe(error);
        }
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_ticket_past_gRPCs_message_limit_is_refused_by_gRPC_with_ResourceExhausted()
    {
        // 4 MB is the server's default limit on a received message; the ticket never reaches the export code.
        var ticket = Encoding.UTF8.GetBytes("observations?indicator=" + new string('x', 5_000_000));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var stream = Client.GetStream(new FlightTicket(ByteString.CopyFrom(ticket)));
            await stream.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Random_bytes_are_refused()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 2048)];
            random.NextBytes(bytes);
            foreach (var error in await RefusalsAsync(bytes))
            {
                Assert.True(error.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound, $"{error.StatusCode}: {error.Status.Detail}");
                AssertMetadataSafe(error);
            }
        }
        await AssertStillServingAsync();
    }

    /// <summary>
    /// Mutations of valid tickets (bytes replaced, inserted, deleted, percent-escapes and non-ASCII spliced in), a
    /// few hundred per run from a fixed seed so that a failure reproduces: each answer is a proper status.
    /// </summary>
    [Fact]
    public async Task Mutated_tickets_get_proper_gRPC_statuses()
    {
        string[] seeds =
        [
            Valid, "observations?indicator=STUNTING,UNMET_NEED&level=regency&fromYear=2020&toYear=2024&preferredOnly=true",
            "rollups?indicator=STUNTING&parentCode=64", "achievement?indicator=UNMET_NEED&region=64.74", "observations?all=true&granularity=year",
        ];
        string[] splices = ["%", "%ZZ", "%C3", "%00", "%0D%0A", "&", "=", "?", ",", "+", "é", "\u0000", "\r\n", "\u202E", "😀", "\uFFFD", "64.0٢", "'", "\""];
        var random = new Random(1202);
        var statuses = new Dictionary<StatusCode, int>();
        for (var i = 0; i < 300; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]).ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(4))
                {
                    case 0 when at < bytes.Count:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1 when at < bytes.Count:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                        break;
                    case 2:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(splices[random.Next(splices.Length)]));
                        break;
                    default:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                }
            }
            var ticket = bytes.ToArray();
            var code = await DoGetStatusAsync(ticket);
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            // FailedPrecondition is a roll-up of an indicator that does not add up: a ticket that parses, and a proper refusal.
            Assert.True(code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition,
                $"ticket {Convert.ToBase64String(ticket)} ({Encoding.UTF8.GetString(ticket)}) answered {code}");
        }
        Assert.True(statuses.Count > 1, "the mutations should produce both accepted and refused tickets");
        await AssertStillServingAsync();
    }

    /// <summary>The refusals of the ticket as DoGet and of the same text as a GetFlightInfo command.</summary>
    private async Task<RpcException[]> RefusalsAsync(byte[] ticket)
    {
        var info = await Assert.ThrowsAsync<RpcException>(() => Client.GetInfo(FlightDescriptor.CreateCommandDescriptor(ticket)).ResponseAsync);
        var doGet = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var stream = Client.GetStream(new FlightTicket(ByteString.CopyFrom(ticket)));
            await stream.ResponseStream.MoveNext(CancellationToken.None);
        });
        return [info, doGet];
    }

    private async Task<StatusCode> DoGetStatusAsync(byte[] ticket)
    {
        try
        {
            using var stream = Client.GetStream(new FlightTicket(ByteString.CopyFrom(ticket)));
            while (await stream.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            AssertMetadataSafe(ex);
            return ex.StatusCode;
        }
    }

    private static void AssertMetadataSafe(RpcException error)
    {
        foreach (var entry in error.Trailers.Where(e => !e.IsBinary))
        {
            Assert.True(entry.Value.All(c => c is >= ' ' and <= '~'), $"trailer {entry.Key} is not printable ASCII: {entry.Value}");
        }
        Assert.True(error.Status.Detail.All(c => c is >= ' ' and <= '~'), $"detail is not printable ASCII: {error.Status.Detail}");
    }

    private async Task AssertStillServingAsync()
    {
        var rows = 0;
        using var stream = Client.GetStream(new FlightTicket(Valid));
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            rows += stream.ResponseStream.Current.Length;
        }
        Assert.True(rows > 0);
    }

    public void Dispose() => _channel.Dispose();
}
