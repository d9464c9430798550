using System.Buffers.Binary;
using System.Text;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>The protocol's corners, byte by byte: row limits, error recovery, version negotiation, SSL refusal.</summary>
[Collection(SqlApiServerGroup.Name)]
public class WireProtocolTests(SqlApiServerFactory server)
{
    [Fact]
    public async Task Execute_with_a_row_limit_suspends_the_portal_and_the_next_Execute_goes_on_where_it_stopped()
    {
        await using var client = await RawPgClient.LogInAsync(server.Port, SqlApiServerFactory.User, SqlApiServerFactory.Password);
        client.Parse("", "select year from preferred_observations order by indicator desc, year");
        client.Bind("", "", 0);
        client.Execute("", 2);
        client.Execute("", 2);
        client.Sync();
        var messages = client.ReadUntil('Z');

        var types = new string([.. messages.Select(m => m.Type)]);
        Assert.Equal("12DDsDCZ", types);
        Assert.Equal(["2023", "2024", "2024"], messages.Where(m => m.Type == 'D').Select(m => RawPgClient.FirstValue(m.Body)));
        Assert.Equal("SELECT 3", Encoding.UTF8.GetString(messages.Single(m => m.Type == 'C').Body).TrimEnd('\0'));
    }

    [Fact]
    public async Task After_an_error_messages_are_dropped_until_Sync_and_the_connection_then_serves()
    {
        await using var client = await RawPgClient.LogInAsync(server.Port, SqlApiServerFactory.User, SqlApiServerFactory.Password);
        client.Parse("", "select * from no_such_table");
        client.Bind("", "", 0);
        client.Execute("", 0);
        client.Sync();
        var failed = client.ReadUntil('Z');
        Assert.Equal("EZ", new string([.. failed.Select(m => m.Type)]));
        Assert.Equal("42P01", RawPgClient.SqlState(failed[0].Body));
        Assert.Equal((byte)'I', failed[^1].Body[0]);

        client.Parse("s1", "select $1::integer + 1 as answer", 23);
        client.Describe('S', "s1");
        client.Bind("", "s1", 1, "41");
        client.Execute("", 0);
        client.Sync();
        var answered = client.ReadUntil('Z');
        Assert.Equal("1tT2DCZ", new string([.. answered.Select(m => m.Type)]));
        var parameters = answered.Single(m => m.Type == 't').Body;
        Assert.Equal(23, BinaryPrimitives.ReadInt32BigEndian(parameters.AsSpan(2)));
        var row = answered.Single(m => m.Type == 'D').Body;
        Assert.Equal(42, BinaryPrimitives.ReadInt32BigEndian(row.AsSpan(6)));
    }

    [Fact]
    public async Task An_empty_query_gets_EmptyQueryResponse_and_a_statement_error_carries_severity_code_and_message()
    {
        await using var client = await RawPgClient.LogInAsync(server.Port, SqlApiServerFactory.User, SqlApiServerFactory.Password);
        client.Query("  -- nothing\n ; ");
        Assert.Equal("IZ", new string([.. client.ReadUntil('Z').Select(m => m.Type)]));

        client.Query("set work_mem = '1GB'");
        var refused = client.ReadUntil('Z');
        Assert.Equal('E', refused[0].Type);
        Assert.Equal("ERROR", RawPgClient.Field(refused[0].Body, 'S'));
        Assert.Equal("ERROR", RawPgClient.Field(refused[0].Body, 'V'));
        Assert.Equal("42501", RawPgClient.SqlState(refused[0].Body));
        Assert.Contains("work_mem", RawPgClient.Field(refused[0].Body, 'M'), StringComparison.Ordinal);
        Assert.NotEmpty(RawPgClient.Field(refused[0].Body, 'H'));
    }

    [Fact]
    public async Task A_transaction_block_reports_T_then_E_after_an_error_then_I_after_rollback()
    {
        await using var client = await RawPgClient.LogInAsync(server.Port, SqlApiServerFactory.User, SqlApiServerFactory.Password);
        client.Query("begin read only");
        Assert.Equal((byte)'T', client.ReadUntil('Z')[^1].Body[0]);
        client.Query("select * from no_such_table");
        Assert.Equal((byte)'E', client.ReadUntil('Z')[^1].Body[0]);
        client.Query("select 1");
        var blocked = client.ReadUntil('Z');
        Assert.Equal("25P02", RawPgClient.SqlState(blocked[0].Body));
        client.Query("rollback");
        Assert.Equal((byte)'I', client.ReadUntil('Z')[^1].Body[0]);
        client.Query("begin read write");
        Assert.Equal("25006", RawPgClient.SqlState(client.ReadUntil('Z')[0].Body));
    }

    [Fact]
    public async Task An_SSL_request_is_refused_with_N_and_the_startup_goes_on_in_the_clear()
    {
        await using var client = await RawPgClient.ConnectAsync(server.Port);
        client.SendStartup(80877103);
        // The refusal is one byte, not a message.
        var answer = client.ReadByte();
        Assert.Equal((byte)'N', answer);
        client.SendStartup(196608, ("user", SqlApiServerFactory.User));
        var (type, body) = client.Read();
        Assert.Equal('R', type);
        Assert.Equal(10, BinaryPrimitives.ReadInt32BigEndian(body));
    }

    [Fact]
    public async Task Protocol_3_2_is_negotiated_down_to_3_0_and_protocol_2_is_refused()
    {
        await using (var newer = await RawPgClient.ConnectAsync(server.Port))
        {
            newer.SendStartup(196610, ("user", SqlApiServerFactory.User), ("_pq_.future_option", "x"));
            var (type, body) = newer.Read();
            Assert.Equal('v', type);
            Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(body));
            Assert.Equal(1, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(4)));
            Assert.Equal('R', newer.Read().Type);
        }
        await using var older = await RawPgClient.ConnectAsync(server.Port);
        older.SendStartup(131072, ("user", SqlApiServerFactory.User));
        var (errorType, error) = older.Read();
        Assert.Equal('E', errorType);
        Assert.Equal("FATAL", RawPgClient.Field(error, 'S'));
        Assert.Contains("unsupported frontend protocol 2.0", RawPgClient.Field(error, 'M'), StringComparison.Ordinal);
    }
}
