using DuckDB.NET.Data;
using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Storage.Migrations;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Storage;

/// <summary>
/// An upgrade of the server must never cost the data imported or generated into a warehouse: older files are migrated
/// in place (or rebuilt when they hold nothing but the seed), and files this version cannot take are left untouched.
/// </summary>
[Collection(SeedWarehouseGroup.Name)]
public class SchemaMigrationTests(SeedWarehouseFixture seed)
{
    [Fact]
    public void Every_older_schema_version_has_a_migration_path()
    {
        for (var version = 1; version < WarehouseSchema.Version; version++)
        {
            Assert.NotNull(SchemaMigrations.PathFrom(version));
        }
        Assert.Empty(SchemaMigrations.PathFrom(WarehouseSchema.Version)!);
        Assert.Null(SchemaMigrations.PathFrom(0));
        Assert.Null(SchemaMigrations.PathFrom(WarehouseSchema.Version + 1));
    }

    [Fact]
    public void A_schema_1_warehouse_with_an_import_is_migrated_in_place_to_the_same_schema_as_a_new_one_and_keeps_its_rows()
    {
        var copy = WithAnImport(AsSchema1(seed.Copy()));
        var rowsBefore = Sql.Scalar<long>(copy, "SELECT count(*) FROM observations");
        var versionsBefore = Sql.Scalar<long>(copy, "SELECT count(*) FROM data_versions");

        var outcome = SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false);

        Assert.False(outcome.Built);
        Assert.Equal(1, outcome.MigratedFrom);
        Assert.Equal(WarehouseSchema.Version, WarehouseInfoReader.Read(copy).SchemaVersion);
        Assert.Equal(rowsBefore, Sql.Scalar<long>(copy, "SELECT count(*) FROM observations"));
        Assert.Equal(versionsBefore, Sql.Scalar<long>(copy, "SELECT count(*) FROM data_versions"));
        Assert.Equal(Columns(seed.Database), Columns(copy));
        // The second start finds the current schema and changes nothing.
        Assert.Null(SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false).MigratedFrom);
    }

    [Fact]
    public void A_schema_1_warehouse_holding_only_the_seed_is_rebuilt_with_the_seeds_lineage()
    {
        var copy = AsSchema1(seed.Copy());

        var outcome = SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false);

        Assert.True(outcome.Built);
        Assert.Null(outcome.MigratedFrom);
        Assert.True(Sql.Scalar<long>(copy, "SELECT count(*) FROM region_lineage") > 0);
    }

    [Fact]
    public void A_warehouse_written_by_a_newer_version_is_refused_and_left_as_it_is()
    {
        var copy = seed.Copy();
        Sql.Execute(copy, $"UPDATE warehouse_info SET schema_version = {WarehouseSchema.Version + 1}");
        var before = File.ReadAllBytes(copy.Path);

        var error = Assert.Throws<WarehouseUnavailableException>(() => SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false));

        Assert.Equal(WarehouseFault.SchemaUnsupported, error.Fault);
        Assert.Contains($"schema {WarehouseSchema.Version + 1}", error.Message);
        Assert.Contains("newer Kencana", error.Message);
        Assert.Equal(before, File.ReadAllBytes(copy.Path));
    }

    [Fact]
    public void Another_programs_DuckDB_file_is_never_overwritten_but_an_empty_one_is_built()
    {
        var foreign = seed.TempPath("foreign.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={foreign}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE sales (id INTEGER); INSERT INTO sales VALUES (1)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<WarehouseUnavailableException>(() => SeedLoader.EnsureBuilt(foreign, RepositoryPaths.Seed, rebuild: false));
        Assert.Equal(WarehouseFault.SchemaUnsupported, error.Fault);
        Assert.Contains("not a Kencana warehouse", error.Message);
        Assert.Equal(1, Sql.Scalar<long>(new WarehouseDatabase(foreign), "SELECT count(*) FROM sales"));

        var empty = seed.TempPath("empty.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={empty}"))
        {
            connection.Open();
        }
        Assert.True(SeedLoader.EnsureBuilt(empty, RepositoryPaths.Seed, rebuild: false).Built);
    }

    [Fact]
    public void A_schema_2_warehouse_with_an_import_gains_an_empty_audit_log_and_keeps_its_rows()
    {
        var copy = WithAnImport(AsSchema2(seed.Copy()));
        var versionsBefore = Sql.Scalar<long>(copy, "SELECT count(*) FROM data_versions");

        var outcome = SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false);

        Assert.Equal(2, outcome.MigratedFrom);
        Assert.Equal(versionsBefore, Sql.Scalar<long>(copy, "SELECT count(*) FROM data_versions"));
        Assert.Equal(0, Sql.Scalar<long>(copy, "SELECT count(*) FROM audit_log"));
        Assert.Equal(Columns(seed.Database), Columns(copy));
    }

    [Fact]
    public void A_schema_3_warehouse_gains_the_region_key_of_every_observation_and_keeps_its_rows_in_order()
    {
        var copy = WithAnImport(AsSchema3(seed.Copy()));
        var rowsBefore = Sql.Scalar<long>(copy, "SELECT count(*) FROM observations");
        var progress = new List<string>();

        var outcome = SeedLoader.EnsureBuilt(copy.Path, RepositoryPaths.Seed, rebuild: false, new ListProgress(progress));

        Assert.Equal(3, outcome.MigratedFrom);
        // A step that rewrites every observation takes minutes at scale: the log says so before it starts.
        Assert.StartsWith($"migrating schema 3 to {WarehouseSchema.Version} in place ({rowsBefore:N0} observations)", progress[0], StringComparison.Ordinal);
        Assert.Equal(rowsBefore, Sql.Scalar<long>(copy, "SELECT count(*) FROM observations"));
        Assert.Equal(0, Sql.Scalar<long>(copy, $"SELECT count(*) FROM observations WHERE region_key <> {RegionKeyColumn.From("region_code")}"));
        Assert.Equal(0, Sql.Scalar<long>(copy, $"""
            SELECT count(*) FROM (
                SELECT ({ObservationLayout.Order}) AS k, lag(({ObservationLayout.Order})) OVER (ORDER BY rowid) AS previous FROM observations)
            WHERE previous > k
            """));
        Assert.Equal(Columns(seed.Database), Columns(copy));
    }

    /// <summary>Records an import in the data versions, so that the file holds more than the seed and is migrated, not rebuilt.</summary>
    private static WarehouseDatabase WithAnImport(WarehouseDatabase database)
    {
        Sql.Execute(database, """
            INSERT INTO data_versions
            SELECT max(version) + 1, now()::TIMESTAMP, 'import', 'a provincial extract', 'extract.csv', 'abc', 0, 0, 0 FROM data_versions
            """);
        return database;
    }

    /// <summary>Turns a current warehouse into what schema 1 wrote: schema 2 without region_lineage.</summary>
    private static WarehouseDatabase AsSchema1(WarehouseDatabase database)
    {
        Sql.Execute(AsSchema2(database), "DROP TABLE region_lineage; UPDATE warehouse_info SET schema_version = 1");
        return database;
    }

    /// <summary>Turns a current warehouse into what schema 2 wrote: schema 3 without audit_log.</summary>
    private static WarehouseDatabase AsSchema2(WarehouseDatabase database)
    {
        Sql.Execute(AsSchema3(database), "DROP TABLE audit_log; UPDATE warehouse_info SET schema_version = 2");
        return database;
    }

    /// <summary>Turns a current warehouse into what schema 3 wrote: the same, without observations.region_key.</summary>
    private static WarehouseDatabase AsSchema3(WarehouseDatabase database)
    {
        Sql.Execute(database, "ALTER TABLE observations DROP COLUMN region_key; UPDATE warehouse_info SET schema_version = 3");
        return database;
    }

    private static List<string> Columns(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable THEN '' ELSE ' NOT NULL' END
            FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index
            """;
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }
}
