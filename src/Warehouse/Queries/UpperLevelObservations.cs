using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>
/// The observations of the nation, the provinces and the kabupaten/kota held in memory per data version, so that
/// <see cref="SeriesReader"/> answers their series, and <see cref="ObservationSearch"/> pages of them, without a
/// statement. A DuckDB statement costs about a millisecond however few rows it returns (parse, plan, and a scan of at
/// least one row group of 122,880 rows), where a B-tree database finds a region's 120 values in microseconds; the
/// upper levels are what planners and dashboards ask for most, and they are few: 465,000 of the 87 million rows of the
/// generated village warehouse.
/// </summary>
/// <remarks>
/// Loaded in the background after each new data version, in one transaction that also reads the version it labels
/// the rows with, so the rows and their label always agree. A request for a version other than the loaded one, or one
/// that may reach a kecamatan or desa holding values, is answered by SQL. When the upper levels hold more than the
/// configured number of rows the data version is not held at all.
/// </remarks>
/// <param name="database">The warehouse.</param>
/// <param name="maxRows">The most observations held, about 500 bytes of resident memory each (526,200 took 275 MB); 0 holds none.</param>
public sealed class UpperLevelObservations(WarehouseDatabase database, int maxRows = UpperLevelObservations.DefaultMaxRows)
{
    /// <summary>The default of the most observations held: a million, about 500 MB of resident memory.</summary>
    public const int DefaultMaxRows = 1_000_000;

    /// <summary>The deepest region level held: kabupaten/kota (codes such as 64.74).</summary>
    internal const int MaxDepth = 2;

    private readonly Lock _gate = new();
    private Held? _held;
    private Task? _loading;
    private int _loadingVersion = -1;
    private long _hits;

    /// <summary>How many series and pages were answered from memory since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The data version held in memory, if any.</summary>
    public int? HeldVersion => Volatile.Read(ref _held) is { Rows: not null } held ? held.Version : null;

    /// <summary>The most observations held; 0 holds none.</summary>
    public int MaxRows => maxRows;

    /// <summary>
    /// What is held of the current data version. When it is neither held nor loading (a new version, after a write),
    /// its load starts in the background, as the next series request would start it.
    /// </summary>
    /// <param name="cancellationToken">Interrupts the read of the current data version.</param>
    public UpperLevelReadiness Readiness(CancellationToken cancellationToken = default)
    {
        var version = database.CurrentDataVersion(cancellationToken);
        if (maxRows <= 0)
        {
            return new UpperLevelReadiness(version, UpperLevelHolding.Off, null, null);
        }
        return HeldOrLoad(version) switch
        {
            null => new UpperLevelReadiness(version, UpperLevelHolding.Loading, null, null),
            { Rows: not null } held => new UpperLevelReadiness(version, UpperLevelHolding.Held, held.Count, null),
            { Error: { } error } => new UpperLevelReadiness(version, UpperLevelHolding.Failed, null, error),
            var held => new UpperLevelReadiness(version, UpperLevelHolding.TooMany, held.Count, null),
        };
    }

    /// <summary>
    /// The series of the indicator for each of the regions, in series order, when every region is at most a
    /// kabupaten/kota and the current data version is held; null otherwise (then the load of the current version
    /// starts in the background).
    /// </summary>
    internal ILookup<RegionCode, Observation>? TryGetSeries(string indicatorCode, IReadOnlyCollection<RegionCode> regions, bool defaultOnly)
    {
        if (maxRows <= 0 || regions.Any(r => r.Depth > MaxDepth) || Current() is not { } rows)
        {
            return null;
        }
        Interlocked.Increment(ref _hits);
        return regions.Distinct()
            .SelectMany(region => rows.Series.TryGetValue((indicatorCode, region), out var found) ? (defaultOnly ? found.Default : found.All) : [])
            .ToLookup(o => o.RegionCode);
    }

    /// <summary>
    /// The default value of the indicator for the period of each region that has one, on the terms of
    /// <see cref="TryGetSeries"/>: null unless every region is held.
    /// </summary>
    internal Dictionary<RegionCode, Observation>? TryGetValues(string indicatorCode, IReadOnlyCollection<RegionCode> regions, Period period) =>
        TryGetSeries(indicatorCode, regions, defaultOnly: true) is { } series
            ? series.SelectMany(s => s).Where(o => o.Period == period).ToDictionary(o => o.RegionCode)
            : null;

    /// <summary>
    /// A page in <see cref="ObservationOrder.RegionThenPeriod"/> order when the current data version is held and the
    /// filter cannot reach a kecamatan or desa that holds values; null otherwise.
    /// </summary>
    internal ObservationPageResult? TryPage(ObservationFilter filter, ObservationOrder order, int limit, long offset)
    {
        if (maxRows <= 0 || order != ObservationOrder.RegionThenPeriod || Current() is not { } rows || !MemoryPage.Covers(filter, rows))
        {
            return null;
        }
        Interlocked.Increment(ref _hits);
        return MemoryPage.Read(filter, rows, limit, offset);
    }

    /// <summary>Loads the current data version now unless it is held; for tests and tools that must know it is.</summary>
    /// <param name="cancellationToken">Interrupts the load inside DuckDB.</param>
    public void Load(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _held) is { } held && held.Version == database.CurrentDataVersion(cancellationToken))
        {
            return;
        }
        Volatile.Write(ref _held, Read(cancellationToken));
    }

    /// <summary>Starts loading the current data version in the background unless it is held or already loading.</summary>
    /// <param name="cancellationToken">Stops the load, such as when the server stops.</param>
    public Task LoadInBackground(CancellationToken cancellationToken = default)
    {
        if (maxRows <= 0)
        {
            return Task.CompletedTask;
        }
        var version = database.CurrentDataVersion(cancellationToken);
        lock (_gate)
        {
            if (Volatile.Read(ref _held)?.Version == version)
            {
                return Task.CompletedTask;
            }
            if (_loading is { IsCompleted: false } && _loadingVersion == version)
            {
                return _loading;
            }
            _loadingVersion = version;
            return _loading = Task.Run(() =>
            {
                try
                {
                    Load(cancellationToken);
                }
                catch (Exception ex) when (ex is OperationCanceledException or DuckDB.NET.Data.DuckDBException or WarehouseUnavailableException or IOException)
                {
                    // Answered by SQL meanwhile; the warehouse's health is reported elsewhere. A version that cannot be
                    // read is not tried again until the next one.
                    Volatile.Write(ref _held, new Held(version, null, 0, ex.Message));
                }
            }, CancellationToken.None);
        }
    }

    private HeldRows? Current() => HeldOrLoad(database.CurrentDataVersion())?.Rows;

    /// <summary>What is held of <paramref name="version"/>; null when it is not, and then its load starts in the background.</summary>
    private Held? HeldOrLoad(int version)
    {
        if (Volatile.Read(ref _held) is { } held && held.Version == version)
        {
            return held;
        }
        _ = LoadInBackground(CancellationToken.None); // the load outlives the request that asked
        return null;
    }

    private Held Read(CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        // One transaction: the version read is the version of the rows read.
        using var transaction = connection.BeginTransaction();
        var version = connection.Scalar<int>("SELECT coalesce(max(version), 0) FROM data_versions", cancellationToken);
        const string Upper = "region_code NOT LIKE '%.%.%'"; // at most one dot: nation, province, kabupaten/kota
        var count = connection.Scalar<long>($"SELECT count(*) FROM observations WHERE {Upper}", cancellationToken);
        if (count > maxRows)
        {
            return new Held(version, null, count, null);
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text) => texts.TryGetValue(text, out var known) ? known : texts[text] = text;
        var rows = connection.Query(
            $"SELECT {SeriesReader.ObservationColumns} FROM observations WHERE {Upper}",
            r =>
            {
                // Tens of thousands of rows repeat a handful of indicator codes and source ids: one string each.
                var o = SeriesReader.MapObservation(r);
                return o with { IndicatorCode = Shared(o.IndicatorCode), SourceId = Shared(o.SourceId) };
            },
            cancellationToken).ToList();
        var series = rows
            .GroupBy(o => (o.IndicatorCode, o.RegionCode))
            .ToDictionary(g => g.Key, g =>
            {
                var ordered = SeriesReader.InSeriesOrder(g).ToArray();
                return new HeldSeries(ordered, [.. ordered.Where(o => o.IsDefault)]);
            });
        var regions = connection.Query(
            $"SELECT code, level::VARCHAR, parent_code FROM regions WHERE code NOT LIKE '%.%.%'",
            r => new HeldRegion(RegionCode.Parse(r.GetString(0)), RegionLevels.FromStorageName(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)),
            cancellationToken).ToDictionary(r => r.Code);
        // Where values below the kabupaten/kota exist, a page over a whole province must read them too.
        var deeper = connection.Query(
            "SELECT DISTINCT split_part(region_code, '.', 1) FROM observations WHERE region_code LIKE '%.%.%'", r => RegionCode.Parse(r.GetString(0)), cancellationToken)
            .ToHashSet();
        transaction.Commit();
        var order = series.Keys.Order(Comparer<(string Indicator, RegionCode Region)>.Create(static (a, b) =>
        {
            var byIndicator = string.CompareOrdinal(a.Indicator, b.Indicator);
            return byIndicator != 0 ? byIndicator : string.CompareOrdinal(a.Region.Value, b.Region.Value);
        })).ToArray();
        return new Held(version, new HeldRows(series, order, regions, deeper), rows.Count, null);
    }

    /// <summary>
    /// A data version's rows and how many there are; null rows when it was not held: too many rows (counted), or it
    /// could not be read (the error).
    /// </summary>
    private sealed record Held(int Version, HeldRows? Rows, long Count, string? Error);
}
