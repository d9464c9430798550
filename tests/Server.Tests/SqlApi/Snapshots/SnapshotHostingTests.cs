using Kencana.Server.SqlApi.Snapshots;
using Kencana.Server.Tests.Infrastructure;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.SqlApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kencana.Server.Tests.SqlApi.Snapshots;

/// <summary>The server builds a snapshot per data version: new sessions see an import, open ones keep theirs, and an unread snapshot is deleted.</summary>
public class SnapshotHostingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task After_an_import_new_sessions_read_the_new_version_while_an_open_one_keeps_its_own_until_it_closes()
    {
        await using var server = new SnapshotServerFactory();
        _ = server.Services; // starts the host
        var source = server.Services.GetRequiredService<SnapshotSessionSource>();
        await Until(() => source.DataVersion is not null);
        var before = source.Current!;
        Assert.StartsWith(server.SnapshotDirectory, before.Path, StringComparison.Ordinal);

        var old = source.OpenSession();
        Assert.Equal(before.DataVersion, old.DataVersion);
        Assert.Empty(Rows(old, "SELECT value FROM preferred_observations WHERE indicator = 'UNMET_NEED' AND region_code = '64.74' AND year = 2019"));

        // Imports read from the staging directory granted to the warehouse, as the HTTP import does.
        var staging = Directory.CreateDirectory(Path.Combine(server.Services.GetRequiredService<Kencana.Server.HttpImport.HttpImportOptions>().ResolveStagingDirectory(), Guid.NewGuid().ToString("N")));
        var csv = Path.Combine(staging.FullName, "unmet-need-2019.csv");
        await File.WriteAllTextAsync(csv, "indicator,region_code,year,period,value,source_id\nUNMET_NEED,64.74,2019,YEAR,16.4,SEED_BONTANG_2024\n");
        var imported = server.Services.GetRequiredService<Importer>().Import([csv]).Files.Max(f => f.DataVersion);
        staging.Delete(recursive: true);
        Assert.True(imported > before.DataVersion);

        await Until(() => source.DataVersion == imported);
        using (var fresh = source.OpenSession())
        {
            Assert.Equal(imported, fresh.DataVersion);
            Assert.Equal([16.4], Rows(fresh, "SELECT value FROM preferred_observations WHERE indicator = 'UNMET_NEED' AND region_code = '64.74' AND year = 2019").Select(r => (double)r[0]!));
            Assert.Equal(imported, Rows(fresh, "SELECT max(version) FROM data_versions")[0][0]);
        }

        // The open session still reads its version, from its file, which stays until the session ends.
        Assert.Empty(Rows(old, "SELECT value FROM preferred_observations WHERE indicator = 'UNMET_NEED' AND region_code = '64.74' AND year = 2019"));
        Assert.True(File.Exists(before.Path));
        old.Dispose();
        Assert.False(Directory.Exists(Path.GetDirectoryName(before.Path)), "the old snapshot was not deleted");
        Assert.True(File.Exists(source.Current!.Path));
    }

    [Fact]
    public async Task A_session_asked_for_before_the_first_snapshot_is_refused_as_not_ready_and_stale_snapshots_are_removed_at_start()
    {
        await using var server = new SnapshotServerFactory();
        var stale = Path.Combine(server.SnapshotDirectory, "building-0123456789abcdef");
        Directory.CreateDirectory(stale);
        await File.WriteAllTextAsync(Path.Combine(stale, "kencana.duckdb"), "half");
        var keep = Path.Combine(server.SnapshotDirectory, "notes");
        Directory.CreateDirectory(keep);

        var fresh = new SnapshotSessionSource(new Kencana.Warehouse.SqlApi.Engine.SqlLimits(TimeSpan.FromMinutes(1), 10, null, null));
        var refused = Assert.Throws<SqlApiException>(fresh.OpenSession);
        Assert.Equal(SqlStates.CannotConnectNow, refused.SqlState);
        Assert.Contains("being built", refused.Message, StringComparison.Ordinal);

        var source = server.Services.GetRequiredService<SnapshotSessionSource>();
        await Until(() => source.DataVersion is not null);
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(keep));
    }

    private static List<object?[]> Rows(ISqlSession session, string sql)
    {
        using var result = session.Execute(sql, [], CancellationToken.None);
        var rows = new List<object?[]>();
        while (result.Read())
        {
            rows.Add([.. Enumerable.Range(0, result.Columns.Count).Select(result.GetValue)]);
        }
        return rows;
    }

    private static async Task Until(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "the snapshot was not built in time");
            await Task.Delay(50);
        }
    }

    private sealed class SnapshotServerFactory : KencanaServerFactory
    {
        public string SnapshotDirectory => Path.Combine(DataDirectory, "sql-snapshots");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SqlApi:SnapshotPollInterval", "00:00:00.2");
            builder.ConfigureServices(services => services.AddSqlSnapshots());
        }
    }
}
