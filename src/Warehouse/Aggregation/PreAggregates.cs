using System.Globalization;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Aggregation;

/// <summary>
/// The observations pre-aggregated per observations version (the newest data version that added observations): one row per indicator, province, region level, year, period,
/// default flag and synthetic flag, with the count, sum, minimum, maximum and the denominator-weighted sums. At 87
/// million observations it holds under a million rows, so a national or provincial <see cref="Aggregator"/> request
/// that fits it reads that table instead of scanning millions of values, and so does a page's total count.
/// </summary>
/// <remarks>
/// Each version gets its own table (<c>observation_cube_v{N}</c>, the name built from the version number, never from
/// request text), so a request never mixes versions: a version without its table is answered from the observations
/// themselves while the table is built in the background. A request fits when it filters and groups only by what the
/// table keeps (indicator, province or nation scope, level, year, granularity, preferred, synthetic) and asks only
/// for count, minimum, maximum, mean and weighted mean. Medians, quartiles and standard deviations need the values;
/// so do source lists and filters on single regions, parents or sources.
/// </remarks>
/// <param name="database">The warehouse.</param>
/// <param name="maxRowsInMemory">
/// The most table rows held in memory (<see cref="MemoryCube"/>, about 100 bytes a row), which answer fitting requests
/// without a statement; a larger table is read with SQL. The 87-million-row generated warehouse makes about 160,000.
/// </param>
public sealed class PreAggregates(WarehouseDatabase database, int maxRowsInMemory = PreAggregates.DefaultRowsInMemory)
{
    /// <summary>The default of the most table rows held in memory: a million rows, about 100 MB.</summary>
    public const int DefaultRowsInMemory = 1_000_000;

    private const string TablePrefix = "observation_cube_v";

    private readonly Lock _gate = new();
    private int? _builtVersion;
    private bool _discovered;
    private Task? _building;
    private int _buildingVersion;
    private int? _failedVersion;
    private long _hits;
    private VersionPair? _versions;
    private InMemory? _memory;

    /// <summary>How many aggregates and counts the table answered since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The observations version (<see cref="ObservationsVersion"/>) whose table is ready, if any.</summary>
    public int? BuiltVersion
    {
        get
        {
            Discover();
            lock (_gate)
            {
                return _builtVersion;
            }
        }
    }

    /// <summary>Whether the current observations version's table is built, for the health endpoint.</summary>
    /// <param name="cancellationToken">Stops the version lookup.</param>
    public PreAggregateReadiness Readiness(CancellationToken cancellationToken = default) =>
        new(ObservationsVersion(cancellationToken), BuiltVersion, LastError);

    /// <summary>The error of the last build that failed (a read-only warehouse, say), if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>Builds the current version's table now, unless it exists; returns the version it serves.</summary>
    /// <param name="cancellationToken">Interrupts the build inside DuckDB.</param>
    public int Build(CancellationToken cancellationToken = default)
    {
        Discover();
        var version = ObservationsVersion(cancellationToken);
        bool built;
        lock (_gate)
        {
            built = _builtVersion == version;
        }
        if (built)
        {
            HoldInMemory(version, cancellationToken);
            return version;
        }
        var table = TableName(version);
        using (var connection = database.OpenConnection())
        {
            connection.Execute($"""
                BEGIN TRANSACTION;
                CREATE OR REPLACE TABLE {table} AS
                SELECT o.indicator_code,
                       CASE WHEN o.region_code = '0' THEN NULL ELSE split_part(o.region_code, '.', 1) END AS province_code,
                       contains(o.region_code, '.') AS below_province,
                       r.level, o.year, o.period, o.is_default, o.is_synthetic,
                       count(*) AS n, sum(o.value) AS sum_value, min(o.value) AS min_value, max(o.value) AS max_value,
                       sum(o.value * o.denominator) FILTER (WHERE o.denominator > 0) AS sum_weighted_value,
                       sum(o.denominator) FILTER (WHERE o.denominator > 0) AS sum_weight,
                       count(*) FILTER (WHERE o.denominator > 0) AS weighted_n
                FROM observations o LEFT JOIN regions r ON r.code = o.region_code
                GROUP BY ALL
                ORDER BY ALL;
                COMMIT;
                """, cancellationToken);
        }
        // In memory before it counts as built, so that a server reported ready answers from memory at once.
        HoldInMemory(version, cancellationToken);
        lock (_gate)
        {
            _builtVersion = version;
        }
        DropOtherVersions(version);
        return version;
    }

    /// <summary>How many rows of the current table are held in memory; null when none are (not built yet, or too large).</summary>
    public int? RowsInMemory => Volatile.Read(ref _memory)?.Cube?.Count;

    /// <summary>Reads the version's table into memory unless it is there, or was found too large, already.</summary>
    private void HoldInMemory(int version, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _memory) is { } held && held.Version == version)
        {
            return;
        }
        using var connection = database.OpenConnection();
        var cube = MemoryCube.Load(connection, TableName(version), maxRowsInMemory, cancellationToken);
        Volatile.Write(ref _memory, new InMemory(version, cube));
    }

    /// <summary>A version's table in memory; <see cref="Cube"/> is null when the table had more rows than allowed.</summary>
    private sealed record InMemory(int Version, MemoryCube? Cube);

    /// <summary>
    /// Starts building the current version's table in the background unless it exists, a build is under way, or a
    /// build of this version failed already; the returned task completes when that build does.
    /// </summary>
    /// <param name="cancellationToken">Stops the build, such as when the server stops.</param>
    public Task BuildInBackground(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var version = ObservationsVersion(CancellationToken.None);
            if (_builtVersion == version && Volatile.Read(ref _memory)?.Version == version)
            {
                return Task.CompletedTask;
            }
            if (_building is { IsCompleted: false } && _buildingVersion == version)
            {
                return _building;
            }
            if (_failedVersion == version)
            {
                // A read-only warehouse fails every time: the requests that fit must not each start the build again.
                return Task.CompletedTask;
            }
            _buildingVersion = version;
            return _building = Task.Run(() =>
            {
                try
                {
                    Build(cancellationToken);
                    LastError = null;
                }
                catch (OperationCanceledException)
                {
                    LastError = "the build was stopped";
                }
                catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or WarehouseUnavailableException or IOException)
                {
                    // The request path keeps answering from the observations; the health of the warehouse is reported elsewhere.
                    LastError = ex.Message;
                    lock (_gate)
                    {
                        _failedVersion = version;
                    }
                }
            }, CancellationToken.None); // the build itself watches the token, so the task always reports how it ended
        }
    }

    /// <summary>
    /// The answer to the request from the current version's table in memory when the request fits and the table is
    /// held; null otherwise, and then a build (or the read into memory) starts in the background.
    /// </summary>
    internal IReadOnlyList<AggregateRow>? TryAnswer(AggregateRequest request)
    {
        if (!Fits(request) || CurrentInMemory() is not { } cube)
        {
            return null;
        }
        Interlocked.Increment(ref _hits);
        return cube.Aggregate(request);
    }

    /// <summary>
    /// The FROM and WHERE of the request over the current version's table when the request fits and the table is
    /// ready; null otherwise, and then a build of the current version starts in the background.
    /// </summary>
    internal (string From, string Where, List<(string Name, object? Value)> Parameters)? TryFrom(AggregateRequest request)
    {
        if (!Fits(request) || Current() is not { } table)
        {
            return null;
        }
        var (where, parameters) = request.Filter.ToCubeSql();
        Interlocked.Increment(ref _hits);
        return ($"{table} p", where, parameters);
    }

    /// <summary>The dimension and measure SQL over the table, for those it keeps: a request that needs any other does not fit.</summary>
    internal static readonly AggregateSql Sql = new(
        new Dictionary<AggregateDimension, string>
        {
            [AggregateDimension.Indicator] = "p.indicator_code",
            [AggregateDimension.Level] = "p.level::VARCHAR",
            [AggregateDimension.Province] = "p.province_code",
            [AggregateDimension.Year] = "p.year",
            [AggregateDimension.Period] = "p.period::VARCHAR",
        },
        new Dictionary<AggregateMeasure, string>
        {
            [AggregateMeasure.Count] = "coalesce(sum(p.n), 0)::BIGINT",
            [AggregateMeasure.Min] = "min(p.min_value)",
            [AggregateMeasure.Max] = "max(p.max_value)",
            [AggregateMeasure.Mean] = "sum(p.sum_value) / sum(p.n)",
            [AggregateMeasure.WeightedMean] = "sum(p.sum_weighted_value) / sum(p.sum_weight)",
        },
        WeightedCount: "coalesce(sum(p.weighted_n), 0)::BIGINT",
        Synthetic: "coalesce(bool_or(p.is_synthetic), false)");

    /// <summary>
    /// Counts the observations the filter selects from the current version's table when the filter fits it and the
    /// table is ready (a page's <c>totalCount</c>); null otherwise, and then a build starts in the background.
    /// </summary>
    internal long? TryCount(Queries.ObservationFilter filter, CancellationToken cancellationToken)
    {
        if (!filter.FitsCube)
        {
            return null;
        }
        if (CurrentInMemory() is { } cube)
        {
            Interlocked.Increment(ref _hits);
            return cube.CountObservations(filter);
        }
        if (Current() is not { } table)
        {
            return null;
        }
        var (where, parameters) = filter.ToCubeSql();
        Interlocked.Increment(ref _hits);
        using var connection = database.OpenConnection();
        return connection.Scalar<long>($"SELECT coalesce(sum(p.n), 0)::BIGINT FROM {table} p WHERE {where}", cancellationToken, [.. parameters]);
    }

    /// <summary>The current version's table in memory when it is held there; else null, and a build starts in the background unless the table was too large.</summary>
    private MemoryCube? CurrentInMemory()
    {
        var version = ObservationsVersion(CancellationToken.None);
        if (Volatile.Read(ref _memory) is { } held && held.Version == version)
        {
            return held.Cube;
        }
        _ = BuildInBackground();
        return null;
    }

    /// <summary>The current version's table name when it is built; else null, and a build starts in the background.</summary>
    private string? Current()
    {
        var version = ObservationsVersion(CancellationToken.None);
        if (BuiltVersion == version)
        {
            return TableName(version);
        }
        _ = BuildInBackground();
        return null;
    }

    /// <summary>
    /// The newest data version that added observations. Writes of targets, sources or reference data leave the
    /// observations, and so the table, as they were: a planner saving a target must not send every national aggregate
    /// back to the 87-million-row table while the same table is built again.
    /// </summary>
    /// <remarks>Looked up once per data version; the data version itself is known in memory while the server holds the file.</remarks>
    private int ObservationsVersion(CancellationToken cancellationToken)
    {
        var data = database.CurrentDataVersion(cancellationToken);
        if (Volatile.Read(ref _versions) is { } known && known.Data == data)
        {
            return known.Observations;
        }
        using var connection = database.OpenConnection();
        var observations = connection.Scalar<int>(
            "SELECT coalesce(max(version), 0) FROM data_versions WHERE version <= $data AND observation_rows > 0", cancellationToken, ("data", data));
        Volatile.Write(ref _versions, new VersionPair(data, observations));
        return observations;
    }

    private sealed record VersionPair(int Data, int Observations);

    private static bool Fits(AggregateRequest request) =>
        request.Measures is { } measures && measures.All(Sql.Measures.ContainsKey)
        && !request.IncludeSources
        && request.GroupBy.All(Sql.Dimensions.ContainsKey)
        && (request.Having ?? []).All(h => Sql.Measures.ContainsKey(h.Measure))
        && (request.OrderBy is null || Sql.Measures.ContainsKey(request.OrderBy.Value))
        && request.Filter.FitsCube;

    private static string TableName(int version) => TablePrefix + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adopts the table a previous run of the process built for the current version, once.</summary>
    private void Discover()
    {
        lock (_gate)
        {
            if (_discovered)
            {
                return;
            }
            _discovered = true;
        }
        try
        {
            var version = ObservationsVersion(CancellationToken.None);
            using var connection = database.OpenConnection();
            var exists = connection.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = $name", ("name", TableName(version))) > 0;
            if (exists)
            {
                lock (_gate)
                {
                    _builtVersion ??= version;
                }
            }
        }
        catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or WarehouseUnavailableException)
        {
            LastError = ex.Message;
        }
    }

    private void DropOtherVersions(int keep)
    {
        try
        {
            using var connection = database.OpenConnection();
            var stale = connection.Query(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND starts_with(table_name, $prefix)",
                r => r.GetString(0), ("prefix", TablePrefix)).ToList();
            foreach (var name in stale)
            {
                // The name must be one this class made: the prefix and a version number, nothing else.
                if (name != TableName(keep) && int.TryParse(name.AsSpan(TablePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    && TableName(version) == name)
                {
                    connection.Execute($"DROP TABLE IF EXISTS {name}");
                }
            }
        }
        catch (DuckDB.NET.Data.DuckDBException ex)
        {
            // A request may still read the old table; the next build drops it.
            LastError = ex.Message;
        }
    }
}
