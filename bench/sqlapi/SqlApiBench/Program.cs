using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;

// The same SQL through the SQL API (Npgsql, extended protocol, binary) and directly in DuckDB on the same snapshot
// file, taking turns round after round so that a neighbour's load hits both sides alike; the server's resident
// memory is sampled from /proc while the wire side reads. One line per query on standard output:
//   name rows wire_p50_s direct_p50_s ratio server_peak_rss_mib server_rss_before_mib
// Usage: Kencana.SqlApiBench CONNECTION SNAPSHOT_FILE SERVER_PID ROUNDS name=SQL [name=SQL ...]
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: Kencana.SqlApiBench CONNECTION SNAPSHOT_FILE SERVER_PID ROUNDS name=SQL ...");
    return 2;
}
var (connection, snapshot, pid, rounds) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
var queries = args.Skip(4).Select(a => (Name: a[..a.IndexOf('=')], Sql: a[(a.IndexOf('=') + 1)..])).ToList();

await using var wire = new NpgsqlConnection(connection);
await wire.OpenAsync();
// DuckDB lets several processes read one file read-only; the server opened this snapshot the same way.
using var direct = new DuckDBConnection($"DataSource={snapshot};ACCESS_MODE=READ_ONLY");
direct.Open();
using (var settings = direct.CreateCommand())
{
    // The SQL API's instance defaults (SqlApi:MemoryLimit 2GiB, a thread per core), so the engine work is alike.
    settings.CommandText = "SET memory_limit = '2GiB'";
    settings.ExecuteNonQuery();
}

foreach (var (name, sql) in queries)
{
    var wireTimes = new List<double>();
    var directTimes = new List<double>();
    long rows = 0;
    long peak = 0;
    var before = Rss(pid, "VmRSS");
    for (var round = 0; round <= rounds; round++)
    {
        // Round 0 warms both sides (file cache, the server's JIT) and is not counted.
        var (wireRows, wireSeconds, roundPeak) = await MeasureWire(wire, sql, pid);
        var (directRows, directSeconds) = MeasureDirect(direct, sql);
        if (wireRows != directRows)
        {
            Console.Error.WriteLine($"{name}: the wire read {wireRows} rows, DuckDB {directRows}");
            return 1;
        }
        rows = wireRows;
        Console.Error.WriteLine($"[{DateTime.Now:T}] {name} round {round}: wire {wireSeconds:F3} s, direct {directSeconds:F3} s, {rows} rows, server peak {roundPeak / 1024} MiB");
        if (round > 0)
        {
            wireTimes.Add(wireSeconds);
            directTimes.Add(directSeconds);
            peak = Math.Max(peak, roundPeak);
        }
    }
    var wireMedian = Median(wireTimes);
    var directMedian = Median(directTimes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name} {rows} {wireMedian:F3} {directMedian:F3} {wireMedian / directMedian:F2} {peak / 1024} {before / 1024}"));
}
return 0;

static async Task<(long Rows, double Seconds, long PeakKib)> MeasureWire(NpgsqlConnection wire, string sql, int pid)
{
    File.WriteAllText($"/proc/{pid}/clear_refs", "5"); // resets VmHWM, the peak resident set
    using var sampling = new CancellationTokenSource();
    long peak = 0;
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, Rss(pid, "VmRSS"));
            await Task.Delay(50);
        }
    });
    var clock = Stopwatch.StartNew();
    long rows = 0;
    await using (var command = new NpgsqlCommand(sql, wire) { CommandTimeout = 0 })
    await using (var reader = await command.ExecuteReaderAsync())
    {
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
    }
    var seconds = clock.Elapsed.TotalSeconds;
    await sampling.CancelAsync();
    await sampler;
    return (rows, seconds, Math.Max(peak, Rss(pid, "VmHWM")));
}

static (long Rows, double Seconds) MeasureDirect(DuckDBConnection direct, string sql)
{
    var clock = Stopwatch.StartNew();
    long rows = 0;
    using (var command = direct.CreateCommand())
    {
        command.CommandText = sql;
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }
    }
    return (rows, clock.Elapsed.TotalSeconds);
}

static long Rss(int pid, string field)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith(field + ":", StringComparison.Ordinal))
        {
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
    }
    return 0;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
