using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>
/// The series of the nation, the provinces and the kabupaten/kota held in memory per data version, so that
/// <see cref="SeriesReader"/> answers them without a statement. A DuckDB statement costs about a millisecond however
/// few rows it returns (parse, plan, and a scan of at least one row group of 122,880 rows), where a B-tree database
/// finds a region's 120 values in microseconds; the upper levels are what planners and dashboards ask for most, and
/// they are few: 465,000 of the 87 million rows of the generated village warehouse.
/// </summary>
/// <remarks>
/// Loaded in the background after each new data version, in one transaction that also reads the version it labels
/// the rows with, so the rows and their label always agree. A request for a version other than the loaded one, or for
/// a kecamatan or desa, is answered by SQL. When the upper levels hold more than the configured number of rows the
/// data version is not held at all.
/// </remarks>
/// <param name="database">The warehouse.</param>
/// <param name="maxRows">The most observations held, about 150 bytes each; 0 holds none.</param>
public sealed class UpperLevelSeries(WarehouseDatabase database, int maxRows = UpperLevelSeries.DefaultMaxRows)
{
    /// <summary>The default of the most observations held: a million, about 150 MB.</summary>
    public const int DefaultMaxRows = 1_000_000;

    /// <summary>The deepest region level held: kabupaten/kota (codes such as 64.74).</summary>
    private const int MaxDepth = 2;

    private readonly Lock _gate = new();
    private Held? _held;
    private Task? _loading;
    private int _loadingVersion = -1;
    private long _hits;

    /// <summary>How many series were answered from memory since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The data version held in memory, if any.</summary>
    public int? HeldVersion => Volatile.Read(ref _held) is { Series: not null } held ? held.Version : null;

    /// <summary>
    /// The series of the indicator for each of the regions, in series order, when every region is at most a
    /// kabupaten/kota and the current data version is held; null otherwise (then the load of the current version
    /// starts in the background).
    /// </summary>
    internal ILookup<RegionCode, Observation>? TryGet(string indicatorCode, IReadOnlyCollection<RegionCode> regions, bool defaultOnly)
    {
        if (maxRows <= 0 || regions.Any(r => r.Depth > MaxDepth) || Current() is not { } series)
        {
            return null;
        }
        Interlocked.Increment(ref _hits);
        return regions.Distinct()
            .SelectMany(region => series.TryGetValue((indicatorCode, region), out var found) ? (defaultOnly ? found.Default : found.All) : [])
            .ToLookup(o => o.RegionCode);
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
                    // Series are answered by SQL meanwhile; the warehouse's health is reported elsewhere. A version that
                    // cannot be read is not tried again until the next one.
                    Volatile.Write(ref _held, new Held(version, null));
                }
            }, CancellationToken.None);
        }
    }

    private Dictionary<(string Indicator, RegionCode Region), Series>? Current()
    {
        var version = database.CurrentDataVersion();
        if (Volatile.Read(ref _held) is { } held && held.Version == version)
        {
            return held.Series;
        }
        _ = LoadInBackground();
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
            return new Held(version, null);
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
                return new Series(ordered, [.. ordered.Where(o => o.IsDefault)]);
            });
        transaction.Commit();
        return new Held(version, series);
    }

    /// <summary>A data version's series; null when it was not held (too many rows, or it could not be read).</summary>
    private sealed record Held(int Version, Dictionary<(string Indicator, RegionCode Region), Series>? Series);

    /// <summary>One series in series order, every value and the default values only.</summary>
    private sealed record Series(Observation[] All, Observation[] Default);
}
