using Kencana.Warehouse.SqlApi;
using Kencana.Warehouse.SqlApi.Engine;
using Kencana.Warehouse.SqlApi.Snapshots;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>
/// One snapshot of the seed warehouse per test run, built as the server builds it: from a warehouse locked down to
/// its granted snapshot directory. Tests that need other limits, or delete snapshots, get a private copy.
/// </summary>
public sealed class SqlSnapshotFixture : IDisposable
{
    private readonly SeedWarehouseFixture _seed = new();
    private readonly IDisposable _held;
    private readonly List<SnapshotSessionSource> _sources = [];

    public SqlSnapshotFixture()
    {
        Warehouse = _seed.Copy();
        Root = _seed.TempPath("sql-snapshots");
        Directory.CreateDirectory(Root);
        _held = Warehouse.KeepOpen([Root]);
        Progress = [];
        Snapshot = SnapshotBuilder.Build(Warehouse, Root, [], BuiltBy, new ListProgress(Progress), CancellationToken.None);
        Source = Open(Limits);
    }

    /// <summary>The builder stamp the fixture's snapshot carries.</summary>
    public const string BuiltBy = "warehouse tests";

    public static SqlLimits Limits { get; } = new(TimeSpan.FromMinutes(1), 1_000_000, "1GiB", 2);

    public WarehouseDatabase Warehouse { get; }

    public string Root { get; }

    public SnapshotFile Snapshot { get; }

    public List<string> Progress { get; }

    /// <summary>The shared source over the fixture's snapshot, with <see cref="Limits"/>.</summary>
    public SnapshotSessionSource Source { get; }

    /// <summary>A source over a private copy of the snapshot, with the given limits.</summary>
    public SnapshotSessionSource Open(SqlLimits limits)
    {
        var directory = _seed.TempPath("copy");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SnapshotDirectory.FileName);
        File.Copy(Snapshot.Path, path);
        var source = new SnapshotSessionSource(limits);
        source.Publish(new SnapshotFile(Snapshot.DataVersion, path));
        _sources.Add(source);
        return source;
    }

    public string TempPath(string name) => _seed.TempPath(name);

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }
        _held.Dispose();
        _seed.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SqlSnapshotGroup : ICollectionFixture<SqlSnapshotFixture>
{
    public const string Name = "sql snapshot";
}

/// <summary>Reads a whole result, for assertions.</summary>
internal static class SqlRows
{
    public static List<object?[]> All(ISqlSession session, string sql, params object?[] parameters)
    {
        using var result = session.Execute(sql, parameters, CancellationToken.None);
        var rows = new List<object?[]>();
        while (result.Read())
        {
            rows.Add([.. Enumerable.Range(0, result.Columns.Count).Select(result.GetValue)]);
        }
        return rows;
    }
}
