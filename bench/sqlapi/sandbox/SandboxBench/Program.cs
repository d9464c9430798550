using System.Diagnostics;
using System.Globalization;
using Kencana.Warehouse.SqlApi;
using Kencana.Warehouse.SqlApi.Engine;
using Kencana.Warehouse.SqlApi.Snapshots;
using Kencana.Warehouse.Storage;

// The SQL API sandbox on a copy of a large warehouse: how long the snapshot takes to build and how large it is, then
// one aggregate through the sandbox's session against the same aggregate on the warehouse's own instance, in turns.
// Usage: Kencana.SandboxBench WAREHOUSE_COPY [ROUNDS]   (the copy is opened read-write: never pass the original)
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Kencana.SandboxBench WAREHOUSE_COPY [ROUNDS]");
    return 2;
}
var warehousePath = Path.GetFullPath(args[0]);
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var root = Path.Combine(Path.GetDirectoryName(warehousePath)!, "sql-snapshots");
var warehouse = new WarehouseDatabase(warehousePath);

// As the server holds it: locked down to its granted directories, 4 GiB (WarehouseOptions' default), one thread per core.
using var held = warehouse.KeepOpen([root], "4GiB");
SnapshotDirectory.DeleteStale(root);
var clock = Stopwatch.StartNew();
var snapshot = SnapshotBuilder.Build(warehouse, root, [], "sandbox bench", new Log(), CancellationToken.None);
var buildSeconds = clock.Elapsed.TotalSeconds;
var warehouseBytes = new FileInfo(warehousePath).Length;
var snapshotBytes = new FileInfo(snapshot.Path).Length;
long observations;
using (var connection = warehouse.OpenConnection())
using (var count = connection.CreateCommand())
{
    count.CommandText = "SELECT count(*) FROM observations";
    observations = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
}

// The server's defaults (SqlSandboxOptions): 1 minute, 100 million rows, 2 GiB, one thread per core.
using var source = new SnapshotSessionSource(new SqlLimits(TimeSpan.FromMinutes(1), 100_000_000, "2GiB", null));
source.Publish(snapshot);
const string Sandboxed = "select year, count(*), avg(value) from observations where indicator='STUNTING' group by year";
// The warehouse's own table names the indicator column indicator_code; otherwise the same statement.
const string Direct = "select year, count(*), avg(value) from observations where indicator_code='STUNTING' group by year";

var sandbox = new List<double>();
var direct = new List<double>();
string? sandboxAnswer = null, directAnswer = null;
for (var round = 0; round <= rounds; round++)
{
    // Round 0 warms both (file cache, DuckDB's buffers) and is not counted.
    var (a, answerA) = TimeSandbox(source, Sandboxed);
    var (b, answerB) = TimeDirect(warehouse, Direct);
    if (round > 0)
    {
        sandbox.Add(a);
        direct.Add(b);
    }
    sandboxAnswer ??= answerA;
    directAnswer ??= answerB;
    Console.Error.WriteLine($"round {round}: sandbox {a * 1000:F0} ms, warehouse {b * 1000:F0} ms");
}
var ratios = sandbox.Zip(direct, (s, d) => s / d).ToList();
Console.WriteLine($"""
    | Measure | Value |
    | --- | ---: |
    | Observations in the warehouse | {observations:N0} |
    | Snapshot build (seconds) | {buildSeconds:F1} |
    | Snapshot build, observations per second | {observations / buildSeconds:N0} |
    | Warehouse file (MiB) | {warehouseBytes / 1048576.0:F0} |
    | Snapshot file (MiB) | {snapshotBytes / 1048576.0:F0} |
    | Snapshot size / warehouse size | {(double)snapshotBytes / warehouseBytes:F2} |
    | Aggregate p50 through the sandbox (ms) | {Median(sandbox) * 1000:F0} |
    | Aggregate p50 on the warehouse directly (ms) | {Median(direct) * 1000:F0} |
    | Sandbox / warehouse, p50 of the per-round ratios ({rounds} rounds, interleaved) | {Median(ratios):F2} |
    | Same answer | {sandboxAnswer == directAnswer} |
    """);
return sandboxAnswer == directAnswer ? 0 : 1;

static (double Seconds, string Answer) TimeSandbox(ISqlSessionSource source, string sql)
{
    var clock = Stopwatch.StartNew();
    using var session = source.OpenSession();
    using var result = session.Execute(sql, [], CancellationToken.None);
    var rows = new List<string>();
    while (result.Read())
    {
        rows.Add(string.Join(',', Enumerable.Range(0, result.Columns.Count).Select(i => Text(result.GetValue(i)))));
    }
    var seconds = clock.Elapsed.TotalSeconds;
    rows.Sort(StringComparer.Ordinal);
    return (seconds, string.Join(';', rows));
}

static (double Seconds, string Answer) TimeDirect(WarehouseDatabase warehouse, string sql)
{
    var clock = Stopwatch.StartNew();
    using var connection = warehouse.OpenConnection();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var rows = new List<string>();
    while (reader.Read())
    {
        rows.Add(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
    }
    var seconds = clock.Elapsed.TotalSeconds;
    rows.Sort(StringComparer.Ordinal);
    return (seconds, string.Join(';', rows));
}

// Averages summed in parallel may differ in their last bits between runs; 12 digits compare what matters.
static string Text(object? value) => value is double d ? d.ToString("G12", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[(sorted.Count - 1) / 2];
}

internal sealed class Log : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {value}");
}
