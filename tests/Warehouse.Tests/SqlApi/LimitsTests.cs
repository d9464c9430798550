using System.Diagnostics;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>Each limit stops a statement with its own SQLSTATE and names its setting; the session serves on afterwards.</summary>
[Collection(SqlSnapshotGroup.Name)]
public class LimitsTests(SqlSnapshotFixture fixture)
{
    private const string Endless = "SELECT count(*) FROM range(1000000000) a, range(1000000) b";

    [Fact]
    public void A_long_cross_join_is_stopped_by_the_statement_time_limit_and_the_session_is_still_usable()
    {
        var source = fixture.Open(SqlSnapshotFixture.Limits with { StatementTimeout = TimeSpan.FromMilliseconds(300) });
        using var session = source.OpenSession();
        var clock = Stopwatch.StartNew();
        var stopped = Assert.Throws<SqlApiException>(() => SqlRows.All(session, Endless));
        Assert.Equal(SqlStates.QueryCanceled, stopped.SqlState);
        Assert.Contains("statement time limit SqlApi:StatementTimeout = 00:00:00.3", stopped.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"stopped only after {clock.Elapsed}");
        Assert.Equal(1, SqlRows.All(session, "SELECT 1")[0][0]);
        Assert.Equal(15.6, SqlRows.All(session, "SELECT value FROM preferred_observations WHERE indicator = 'UNMET_NEED' AND region_code = '64.74' ORDER BY year LIMIT 1")[0][0]);
    }

    [Fact]
    public async Task Cancel_from_another_thread_stops_the_statement_with_57014()
    {
        using var session = fixture.Source.OpenSession();
        var running = Task.Run(() => SqlRows.All(session, Endless));
        // Cancel again until it lands: the first may come before DuckDB has begun.
        while (await Task.WhenAny(running, Task.Delay(100)) != running)
        {
            session.Cancel();
        }
        var stopped = await Assert.ThrowsAsync<SqlApiException>(() => running);
        Assert.Equal(SqlStates.QueryCanceled, stopped.SqlState);
        Assert.Contains("cancelled", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(1, SqlRows.All(session, "SELECT 1")[0][0]);
    }

    [Fact]
    public void A_cancellation_token_stops_the_statement_too()
    {
        using var session = fixture.Source.OpenSession();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopped = Assert.Throws<SqlApiException>(() =>
        {
            using var result = session.Execute(Endless, [], cancellation.Token);
            while (result.Read())
            {
            }
        });
        Assert.Equal(SqlStates.QueryCanceled, stopped.SqlState);
    }

    [Fact]
    public void A_result_past_the_row_limit_fails_with_54000_after_the_limit_naming_the_setting()
    {
        var source = fixture.Open(SqlSnapshotFixture.Limits with { MaxRows = 1000 });
        using var session = source.OpenSession();
        Assert.Equal(1000, SqlRows.All(session, "SELECT * FROM range(1000)").Count);

        using var result = session.Execute("SELECT * FROM range(5000)", [], CancellationToken.None);
        var limited = Assert.Throws<SqlApiException>(() =>
        {
            while (result.Read())
            {
            }
        });
        Assert.Equal(SqlStates.ProgramLimitExceeded, limited.SqlState);
        Assert.Contains("SqlApi:MaxRows = 1000", limited.Message, StringComparison.Ordinal);
        Assert.Contains("LIMIT", limited.Hint, StringComparison.Ordinal);
        Assert.Equal(1000, result.RowsRead);
    }

    [Fact]
    public void A_statement_that_needs_more_memory_than_the_limit_fails_with_53200_naming_the_setting()
    {
        var source = fixture.Open(SqlSnapshotFixture.Limits with { MemoryLimit = "64MB", Threads = 1 });
        using var session = source.OpenSession();
        var refused = Assert.Throws<SqlApiException>(() => SqlRows.All(session, "SELECT list(range) FROM range(50000000) GROUP BY range % 10"));
        Assert.Equal(SqlStates.OutOfMemory, refused.SqlState);
        Assert.Contains("SqlApi:MemoryLimit = 64MB", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, SqlRows.All(session, "SELECT 1")[0][0]);
    }

    [Fact]
    public void A_ten_million_row_select_streams_under_the_default_row_limit_without_holding_its_rows()
    {
        // The server's default row limit (SqlSandboxOptions.MaxRows).
        var source = fixture.Open(SqlSnapshotFixture.Limits with { MaxRows = 100_000_000 });
        using var session = source.OpenSession();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        // 10 million rows of 100 characters: about 1 GB if the result were held, in DuckDB or in .NET.
        using var result = session.Execute("SELECT range, repeat('x', 100) AS filler FROM range(10000000)", [], CancellationToken.None);
        long characters = 0;
        while (result.Read())
        {
            characters += ((string)result.GetValue(1)!).Length;
            if (result.RowsRead % 500_000 == 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        }
        Assert.Equal(10_000_000L, result.RowsRead);
        Assert.Equal(1_000_000_000L, characters);
        Assert.True(peak - before < 400L * 1024 * 1024, $"the working set grew by {(peak - before) / 1048576} MiB");
    }

    [Fact]
    public void Invalid_limits_are_refused_naming_their_setting()
    {
        Assert.Contains("SqlApi:MaxRows", Assert.Throws<ArgumentException>(() => new SnapshotSessionSource(SqlSnapshotFixture.Limits with { MaxRows = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("SqlApi:StatementTimeout", Assert.Throws<ArgumentException>(() => new SnapshotSessionSource(SqlSnapshotFixture.Limits with { StatementTimeout = TimeSpan.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("SqlApi:MemoryLimit", Assert.Throws<ArgumentException>(() => new SnapshotSessionSource(SqlSnapshotFixture.Limits with { MemoryLimit = "lots" })).Message, StringComparison.Ordinal);
        Assert.Contains("SqlApi:Threads", Assert.Throws<ArgumentException>(() => new SnapshotSessionSource(SqlSnapshotFixture.Limits with { Threads = 0 })).Message, StringComparison.Ordinal);
    }
}
