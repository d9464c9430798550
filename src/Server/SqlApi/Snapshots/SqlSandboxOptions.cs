using Kencana.Server.Hosting;
using Kencana.Warehouse.SqlApi.Engine;

namespace Kencana.Server.SqlApi.Snapshots;

/// <summary>
/// The SQL API's snapshots and the limits its statements run under; bound from the <c>SqlApi</c> configuration
/// section, which the wire protocol's own settings share.
/// </summary>
public sealed class SqlSandboxOptions
{
    public const string Section = "SqlApi";

    /// <summary>Where snapshots are written; empty for <c>sql-snapshots</c> beside the warehouse file. Needs room for a copy of the curated relations (about the warehouse's size).</summary>
    public string? SnapshotDirectory { get; set; }

    /// <summary>
    /// The longest a statement may run, from its start until its last row is sent. A minute lets an aggregate over
    /// 87 million observations finish many times over, and stops a runaway cross join.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most rows one result may send. Results stream with flat memory, so the limit is not about memory: it is
    /// above the largest relation (87 million observations in the national village-level warehouse), so a whole
    /// relation or a 10-million-row extract goes through, while a cross join that multiplies relations is stopped.
    /// </summary>
    public long MaxRows { get; set; } = 100_000_000;

    /// <summary>The most memory the SQL API's DuckDB instance may take for all its sessions together (DuckDB's notation: 2GiB, 512MB); empty for DuckDB's default of 80% of the machine.</summary>
    public string? MemoryLimit { get; set; } = "2GiB";

    /// <summary>How many threads DuckDB runs each SQL API statement on; empty for one per core.</summary>
    public int? Threads { get; set; }

    /// <summary>How often the server looks for a new data version to snapshot (it reads a number kept in memory).</summary>
    public TimeSpan SnapshotPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The snapshot directory, resolved against the warehouse's.</summary>
    public string ResolveSnapshotDirectory(WarehouseOptions warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return string.IsNullOrWhiteSpace(SnapshotDirectory)
            ? Path.Combine(Path.GetDirectoryName(warehouse.ResolvePath())!, "sql-snapshots")
            : Path.GetFullPath(SnapshotDirectory);
    }

    /// <summary>The limits as the engine takes them.</summary>
    public SqlLimits ToLimits() =>
        new(StatementTimeout, MaxRows, string.IsNullOrWhiteSpace(MemoryLimit) ? null : MemoryLimit.Trim(), Threads, Section);
}
