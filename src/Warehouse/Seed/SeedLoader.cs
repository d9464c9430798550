using System.Diagnostics;
using DuckDB.NET.Data;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Storage.Migrations;

namespace Kencana.Warehouse.Seed;

/// <summary>Builds a warehouse file from the seed: regions, indicator catalogue, sources, observations and targets.</summary>
/// <remarks>
/// The warehouse is built beside its final path and moved into place only when complete, so a failed build leaves
/// any existing warehouse untouched. Observations, targets and sources go through the <see cref="Importer"/>, with
/// the same checks as any user's file.
/// </remarks>
public static class SeedLoader
{
    /// <summary>
    /// Builds the warehouse when it is missing or <paramref name="rebuild"/> is set; brings an older schema up to date
    /// (a rebuild when the file holds only the seed, a migration in place when it holds imported or generated data).
    /// </summary>
    /// <param name="warehousePath">The warehouse file.</param>
    /// <param name="seedDirectory">The seed to build from.</param>
    /// <param name="rebuild">Build from the seed even if the file exists, replacing it (a damaged one too).</param>
    /// <param name="progress">Receives a line per build step.</param>
    /// <param name="createIfMissing">Build a missing file; when false a missing file is refused, so that a mistyped path is not silently filled with the seed.</param>
    /// <returns>What was done, and whether the seed changed since an existing warehouse was built.</returns>
    /// <exception cref="WarehouseUnavailableException">The file is missing (and may not be created), a directory, damaged, locked, or cannot be written.</exception>
    public static SeedOutcome EnsureBuilt(string warehousePath, string seedDirectory, bool rebuild, IProgress<string>? progress = null, bool createIfMissing = true)
    {
        var full = Path.GetFullPath(warehousePath);
        if (Directory.Exists(full))
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Directory, full);
        }
        if (!File.Exists(full) && !createIfMissing)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Missing, full);
        }
        var seed = SeedFiles.Open(seedDirectory);
        if (rebuild && File.Exists(full))
        {
            RefuseIfLocked(full);
        }
        if (!rebuild && File.Exists(full))
        {
            var database = new WarehouseDatabase(full);
            database.Verify();
            var info = WarehouseInfoReader.Read(database);
            var seedChanged = !info.IsSynthetic && info.SeedSha256 != seed.Sha256;
            if (info.SchemaVersion == WarehouseSchema.Version)
            {
                return new SeedOutcome(Built: false, SeedChanged: seedChanged, TimeSpan.Zero, 0);
            }
            if (SchemaUpgradePolicy.Decide(database, info) == SchemaUpgrade.Migrate)
            {
                return WarehouseWriteFaults.Translate(full, () => Migrate(database, info, seedChanged, progress));
            }
            progress?.Report($"warehouse schema {info.SchemaVersion} is older than {WarehouseSchema.Version} and the file holds only the seed; rebuilding it from the seed");
        }
        return WarehouseWriteFaults.Translate(full, () => Build(full, seed, progress));
    }

    /// <summary>Builds a new warehouse at <paramref name="warehousePath"/> from the seed, replacing any file there.</summary>
    public static SeedOutcome Build(string warehousePath, SeedFiles seed, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var full = Path.GetFullPath(warehousePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var building = full + ".building";
        DeleteDatabaseFiles(building);
        long observations;
        try
        {
            using (var connection = WarehouseDatabase.Open(WarehouseDatabase.ConnectionString(building, readOnly: false), full))
            {
                progress?.Report("creating schema");
                WarehouseSchema.Create(connection, seed.Sha256, isSynthetic: false);
                var seedOptions = new ImportOptions { VersionKind = "seed" };
                progress?.Report("loading sources");
                Importer.Import(connection, [seed["sources.csv"]], seedOptions, progress);
                progress?.Report("loading indicators, regions, population and the BPS crosswalk");
                ReferenceTables.Load(connection, seed);
                progress?.Report("loading observations and targets");
                var report = Importer.Import(connection, [seed["observations.csv"], seed["targets.csv"]], seedOptions, progress);
                observations = report.Files.Where(f => f.Kind == ImportKind.Observations).Sum(f => f.RowsAdded);
                connection.Execute("CHECKPOINT");
            }
            DeleteDatabaseFiles(full);
            File.Move(building, full);
            DataVersionClock.Advanced(full);
        }
        catch
        {
            DeleteDatabaseFiles(building);
            throw;
        }
        progress?.Report($"warehouse built at {full} in {clock.Elapsed.TotalSeconds:F1} s");
        return new SeedOutcome(Built: true, SeedChanged: false, clock.Elapsed, observations);
    }

    private static SeedOutcome Migrate(WarehouseDatabase database, WarehouseInfo info, bool seedChanged, IProgress<string>? progress)
    {
        var clock = Stopwatch.StartNew();
        using (var connection = database.OpenConnection())
        {
            // A step may rewrite every observation (schema 3 to 4 took two minutes at 87 million rows): say so before it starts.
            var rows = connection.Scalar<long>("SELECT count(*) FROM observations");
            progress?.Report($"migrating schema {info.SchemaVersion} to {WarehouseSchema.Version} in place ({rows:N0} observations); this runs once and can take minutes for a large warehouse");
            foreach (var step in SchemaMigrations.Apply(connection, info.SchemaVersion))
            {
                progress?.Report($"migrated schema {step.From} to {step.To}: {step.Description}");
            }
            connection.Execute("CHECKPOINT");
        }
        DataVersionClock.Advanced(database.Path);
        return new SeedOutcome(Built: false, SeedChanged: seedChanged, clock.Elapsed, 0, MigratedFrom: info.SchemaVersion);
    }

    /// <summary>
    /// A rebuild replaces the file, damaged or not, but never one another process has open: the file would vanish
    /// from under it, and its later writes would go nowhere.
    /// </summary>
    private static void RefuseIfLocked(string path)
    {
        try
        {
            using var connection = new WarehouseDatabase(path).OpenConnection();
        }
        catch (WarehouseUnavailableException ex) when (ex.Fault != WarehouseFault.Locked)
        {
            // damaged or unreadable: the rebuild replaces it
        }
        catch (DuckDBException)
        {
            // damaged in a way DuckDB words otherwise: the rebuild replaces it too
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}

/// <summary>What <see cref="SeedLoader.EnsureBuilt"/> did.</summary>
/// <param name="Built">True when the warehouse was (re)built from the seed.</param>
/// <param name="SeedChanged">True when an existing warehouse was built from other seed files than the current ones.</param>
/// <param name="Elapsed">How long the build took.</param>
/// <param name="ObservationRows">Observations loaded by the build.</param>
/// <param name="MigratedFrom">The schema version an existing warehouse was migrated from in place, if it was.</param>
public sealed record SeedOutcome(bool Built, bool SeedChanged, TimeSpan Elapsed, long ObservationRows, int? MigratedFrom = null);
