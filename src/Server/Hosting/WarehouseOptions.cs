using Kencana.Warehouse.Aggregation;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Hosting;

/// <summary>Where the warehouse lives and how it is built; bound from the <c>Warehouse</c> configuration section.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The warehouse a fresh clone serves, built from the seed on first start.</summary>
    public const string DefaultPath = "App_Data/kencana.duckdb";

    /// <summary>The DuckDB file; a relative path is taken from the current directory. <c>--warehouse FILE</c> sets it.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The seed directory; by default the <c>seed/</c> copy of <c>data/seed</c> beside the server.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>Rebuild the warehouse from the seed at start-up (<c>--rebuild</c>), discarding imports.</summary>
    public bool Rebuild { get; set; }

    /// <summary>
    /// Build the warehouse from the seed when <see cref="Path"/> names no file (<c>--create</c>). Only the default
    /// path is built without it: elsewhere a missing file is more likely a mistyped path than a wish for a new
    /// warehouse, and serving a fresh seed there would hide the mistake.
    /// </summary>
    public bool Create { get; set; }

    /// <summary>
    /// The most memory DuckDB's buffers may take while the server runs, in DuckDB's notation (<c>4GiB</c>,
    /// <c>512MB</c>); large sorts spill to disk beyond it. Empty keeps DuckDB's default of 80% of the machine's
    /// memory. The server's own memory (answers, caches) comes on top: see GraphQL:ResponseCache:MaxBytes.
    /// </summary>
    public string? MemoryLimit { get; set; } = "4GiB";

    /// <summary>
    /// How many threads DuckDB runs each statement on; empty for DuckDB's default of one per core. Fewer leave cores
    /// to the server's own threads and to other work on a shared machine; national scans then take longer.
    /// </summary>
    public int? Threads { get; set; }

    /// <summary>
    /// The most rows of the pre-aggregated table held in memory (about 100 bytes each), from which national and
    /// provincial aggregates and page totals are answered without a statement; a larger table is read with SQL. The
    /// 87-million-row generated warehouse makes about 160,000 rows; 0 keeps none in memory.
    /// </summary>
    public int PreAggregateRowsInMemory { get; set; } = PreAggregates.DefaultRowsInMemory;

    /// <summary>
    /// The most observations of the nation, provinces and kabupaten/kota held in memory (about 500 bytes of resident memory each), from
    /// which their series are answered without a statement; when the upper levels hold more, their series are read
    /// with SQL. The 87-million-row generated warehouse has about 465,000 such rows, the 0.5-million-row regency panel
    /// all of its rows; 0 holds none.
    /// </summary>
    public int UpperLevelRowsInMemory { get; set; } = UpperLevelObservations.DefaultMaxRows;

    /// <summary>True when a missing warehouse may be built: <see cref="Create"/> is set, or the path is the default.</summary>
    public bool MayCreate => Create || ResolvePath() == System.IO.Path.GetFullPath(DefaultPath);

    public string ResolvePath() => System.IO.Path.GetFullPath(Path);

    public string ResolveSeedDirectory() => SeedDirectory ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seed");
}
